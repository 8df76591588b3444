import type { Fault } from './types.js';

/**
 * After the first successful API call every access and refresh token is revoked, as when the person
 * withdraws the grant: the candidate must stop calling and report it, not loop. Lists are paged so a
 * second call is needed to notice.
 */
export const revokedGrant: Fault = {
  name: 'revoked-grant',
  summary: 'every token is revoked after the first successful API call',
  requirements: ['OBC21-CONSUMER-REVOKED-STOP', 'OBC21-CONSUMER-REVOKED-REPORT', 'CLR10-CONSUMER-REVOKED-STOP', 'CLR10-CONSUMER-REVOKED-REPORT'],
  forcePaging: true,
  afterApi(call, answer, env) {
    if (env.memory.has('fired') || answer.status >= 300) return;
    env.memory.set('fired', true);
    env.revokeAll();
    call.meta.fault = 'revoked-grant';
    call.meta.revokedAfter = true;
  },
};

import type { EmulatorCall } from '../../emulators/types.js';
import { apiCalls, byRoute, describe } from './calls.js';
import { fail, pass, type Check } from '../../engine/verdict.js';

/**
 * After the fault `expired-access-token` answered 401 invalid_token, the candidate obtained a new
 * access token (refresh grant, or a new authorization) and repeated the API call successfully.
 */
export const ensureRefreshed: Check<EmulatorCall[]> = {
  id: 'ensure-refreshed',
  title: 'an expired access token is refreshed and the call repeated',
  run(calls) {
    const expired = calls.find((c) => c.meta.fault === 'expired-access-token');
    if (!expired) return fail('the candidate made no API call, so the expired token was never presented');
    const later = calls.filter((c) => c.seq > expired.seq);
    const renewed = byRoute(later, 'token').find((c) => c.status === 200);
    if (!renewed) {
      const tried = byRoute(later, 'token').length;
      return fail(`after the 401 on ${describe(expired)} the candidate obtained no new token${tried ? ` (${tried} token request(s) refused)` : ''}`);
    }
    const retried = apiCalls(later).find((c) => c.seq > renewed.seq && c.route === expired.route && c.status < 300);
    if (!retried) return fail(`a new token was issued (#${renewed.seq}) but ${expired.method} ${expired.path} was not repeated successfully`);
    const how = renewed.meta.grant === 'refresh_token' ? 'refresh grant' : `"${renewed.meta.grant ?? '?'}" grant`;
    return pass(`new token by ${how} (#${renewed.seq}), call repeated (#${retried.seq})`, { grant: renewed.meta.grant });
  },
};

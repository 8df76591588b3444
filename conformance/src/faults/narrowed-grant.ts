import type { Fault } from './types.js';

/** Scopes that let a consumer change data: Badge Connect `.create` / `.update`, CLR `replace` / `delete`. */
const WRITES = /(\.create|\.update|\/replace|\/delete)$/;

/**
 * The person approves reading only: the authorization server leaves every write scope out of the grant,
 * as RFC 6749 §3.3 lets it, and says so in `scope`. The candidate must not POST with that token.
 */
export const narrowedGrant: Fault = {
  name: 'narrowed-grant',
  summary: 'the grant leaves out every write scope (the person approved reading only)',
  requirements: ['OBC21-CONSUMER-WRITE-SCOPE'],
  grantScopes(scopes) {
    return scopes.filter((s) => !WRITES.test(s));
  },
};

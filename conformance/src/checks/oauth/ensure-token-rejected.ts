import type { HttpExchange } from '../../engine/http.js';
import { fail, pass, skip, type Check } from '../../engine/verdict.js';

export interface BeforeAfter {
  /** A protected API call with the token while it was valid. */
  before: HttpExchange;
  /** The same call after the token should have stopped working. */
  after: HttpExchange;
}

/**
 * A token stopped working: the API accepted it before (otherwise nothing is proven, so skip) and
 * answers 401 now.
 */
export const ensureTokenRejected: Check<BeforeAfter> = {
  id: 'ensure-token-rejected',
  title: 'token no longer accepted by the API',
  run({ before, after }) {
    if (before.status !== 200) return skip(`the API did not accept the token beforehand (status ${before.status}); nothing to compare`);
    return after.status === 401
      ? pass('API answers 401 to the token now')
      : fail(`API still answers ${after.status} to the token, expected 401`, { actual: after.status, url: after.request.url });
  },
};

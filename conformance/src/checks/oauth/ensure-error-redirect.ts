import type { AuthorizeResult } from '../../actions/authorize.js';
import { fail, pass, type Check } from '../../engine/verdict.js';

/**
 * The refusal is an error response on the client's redirect URI (RFC 6749 §4.1.2.1) with one of the
 * expected `error` codes: what the client needs to learn why it was refused.
 */
export function ensureErrorRedirect(codes: readonly string[]): Check<AuthorizeResult> {
  const list = codes.join(' or ');
  return {
    id: 'ensure-error-redirect',
    title: `refusal is redirected to the client with error ${list}`,
    run(r) {
      if (r.code) return fail('an authorization code was issued instead of an error');
      if (r.outcome !== 'redirected') {
        return fail(`refused without redirecting to the client (${r.failure ?? r.outcome}), so the client never learns the error ${list}`, {
          outcome: r.outcome,
          status: r.finalStatus,
        });
      }
      if (!r.error || !codes.includes(r.error)) {
        return fail(`"error" is ${JSON.stringify(r.error ?? null)}, expected ${list}`, { expected: codes, actual: r.error ?? null });
      }
      return pass(`redirected with error "${r.error}"`);
    },
  };
}

import type { AuthorizeResult } from '../../actions/authorize.js';
import { fail, pass, type Check } from '../../engine/verdict.js';

/**
 * The authorization was refused: no code was issued, and the refusal is visible either as a redirect to
 * the client with an `error` or as an error page (an error status, or a page the user cannot go on from).
 */
export const ensureAuthorizationRefused: Check<AuthorizeResult> = {
  id: 'ensure-authorization-refused',
  title: 'authorization is refused without a code',
  run(r) {
    if (r.code) return fail('an authorization code was issued', { redirect: true, error: r.error ?? null });
    switch (r.outcome) {
      case 'redirected':
        return r.error
          ? pass(`refused: redirected with error "${r.error}"`)
          : fail('redirected to the client with neither "code" nor "error"');
      case 'error-page':
        return pass(`refused with an error page (status ${r.finalStatus})`);
      case 'no-form':
        return pass(`stopped at a page with no form to go on (status ${r.finalStatus}), taken as an error page`);
      default:
        return fail(`could not tell whether the request was refused: ${r.failure ?? r.outcome}`, { outcome: r.outcome });
    }
  },
};

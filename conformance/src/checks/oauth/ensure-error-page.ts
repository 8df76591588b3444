import type { AuthorizeResult } from '../../actions/authorize.js';
import { fail, pass, type Check } from '../../engine/verdict.js';

/**
 * The user sees an error instead of being redirected anywhere: an error status, or a page with nothing
 * to submit. OB 2.1 asks for this when the redirect URI is unknown (the client cannot be trusted with it).
 */
export const ensureErrorPage: Check<AuthorizeResult> = {
  id: 'ensure-error-page',
  title: 'an error is shown to the user without a redirect',
  run(r) {
    if (r.outcome === 'error-page') return pass(`error page with status ${r.finalStatus}`);
    if (r.outcome === 'no-form') return pass(`page without a form (status ${r.finalStatus}), taken as an error page`);
    if (r.outcome === 'redirected') return fail(`redirected to ${new URL(r.redirectedTo!).origin} instead of showing an error`, { error: r.error ?? null });
    return fail(`no error page: ${r.failure ?? r.outcome}`, { outcome: r.outcome });
  },
};

import type { AuthorizeResult } from '../../actions/authorize.js';
import { fail, pass, type Check } from '../../engine/verdict.js';

/** The approved authorization ends with a redirect to the client carrying a `code` (RFC 6749 §4.1.2). */
export const ensureAuthorizationGranted: Check<AuthorizeResult> = {
  id: 'ensure-authorization-granted',
  title: 'authorization redirects to the client with a code',
  run(r) {
    if (r.outcome !== 'redirected') {
      return fail(`no redirect to the client: ${r.failure ?? r.outcome}`, { outcome: r.outcome, status: r.finalStatus });
    }
    if (r.error) {
      return fail(`redirected with error "${r.error}"${r.errorDescription ? `: ${r.errorDescription}` : ''}`, { error: r.error });
    }
    if (!r.code) return fail('redirected to the client without a "code" parameter');
    return pass(`authorization code issued after ${r.exchanges.length} requests`);
  },
};

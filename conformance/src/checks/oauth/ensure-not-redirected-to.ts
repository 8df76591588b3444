import { sameEndpoint, type AuthorizeResult } from '../../actions/authorize.js';
import { fail, pass, type Check } from '../../engine/verdict.js';

/** The user agent is never sent to `uri` (RFC 6749 §4.1.2.1: no redirect to an invalid redirect URI). */
export function ensureNotRedirectedTo(uri: string): Check<AuthorizeResult> {
  return {
    id: 'ensure-not-redirected-to',
    title: 'no redirect to the unregistered redirect URI',
    run(r) {
      if (r.redirectedTo && sameEndpoint(uri, r.redirectedTo)) {
        return fail(`redirected to the unregistered URI ${uri}${r.code ? ' with a code' : ''}`, { uri, withCode: Boolean(r.code) });
      }
      return pass(`not redirected to ${uri} (${r.outcome === 'redirected' ? 'redirected elsewhere' : (r.failure ?? r.outcome)})`);
    },
  };
}

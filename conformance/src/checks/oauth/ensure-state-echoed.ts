import type { AuthorizeResult } from '../../actions/authorize.js';
import { fail, pass, type Check } from '../../engine/verdict.js';

/** The redirect to the client returns `state` exactly as sent (RFC 6749 §4.1.2, §4.1.2.1). */
export function ensureStateEchoed(sent: string): Check<AuthorizeResult> {
  return {
    id: 'ensure-state-echoed',
    title: 'state is returned unchanged',
    run(r) {
      if (r.outcome !== 'redirected') return fail(`no redirect to the client to carry state (${r.failure ?? r.outcome})`);
      if (r.state === undefined) return fail('redirect has no "state" parameter');
      return r.state === sent ? pass('state returned unchanged') : fail('"state" differs from the value sent', { length: r.state.length });
    },
  };
}

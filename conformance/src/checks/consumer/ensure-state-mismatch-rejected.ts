import type { EmulatorCall } from '../../emulators/types.js';
import { fail, pass, type Check } from '../../engine/verdict.js';
import { byRoute, codeExchanges, formOf } from './calls.js';

/**
 * After an authorization redirect whose state differs from the one sent (fault `state-mismatch`), the
 * candidate does not exchange that code (RFC 6749 §10.12: the client must reject the response).
 */
export const ensureStateMismatchRejected: Check<EmulatorCall[]> = {
  id: 'ensure-state-mismatch-rejected',
  title: 'a redirect with the wrong state is rejected',
  run(calls) {
    const redirected = byRoute(calls, 'authorize').filter((a) => a.meta.code !== undefined && a.meta.redirectState !== undefined);
    if (redirected.length === 0) return fail('the candidate never completed an authorization request, so the wrong state was never sent');
    const codes = new Set(redirected.map((a) => a.meta.code));
    const used = codeExchanges(calls).find((t) => codes.has(formOf(t).get('code') ?? ''));
    if (used) return fail(`the candidate exchanged the code of a redirect with the wrong state (token request #${used.seq})`);
    return pass(`${redirected.length} redirect(s) with the wrong state, no code exchanged`);
  },
};

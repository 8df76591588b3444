import type { EmulatorCall } from '../../emulators/types.js';
import { fail, pass, type Check } from '../../engine/verdict.js';
import { byRoute } from './calls.js';

/** Every authorization request carries a non-empty state (OB 2.1 §Obtaining Tokens; RFC 6749 §10.12). */
export const ensureStateSent: Check<EmulatorCall[]> = {
  id: 'ensure-state-sent',
  title: 'authorization requests carry state',
  run(calls) {
    const auths = byRoute(calls, 'authorize');
    if (auths.length === 0) return fail('the candidate never sent an authorization request');
    const without = auths.find((a) => !a.query.get('state'));
    if (without) return fail(`authorization request #${without.seq} has no "state"`);
    return pass(`${auths.length} authorization request(s) with state`);
  },
};

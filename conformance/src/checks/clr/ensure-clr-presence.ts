import { fail, pass, type Check } from '../../engine/verdict.js';

export interface PresenceInput {
  id: string;
  /** Every CLR id getClrs lists now. */
  listed: string[];
  /** Whether the CLR should be listed. */
  expect: 'listed' | 'absent';
}

/** getClrs lists a CLR exactly when it should (after a write, a delete or a refused request). */
export const ensureClrPresence: Check<PresenceInput> = {
  id: 'ensure-clr-presence',
  title: 'getClrs lists the CLR exactly when it exists',
  run({ id, listed, expect }) {
    const present = listed.includes(id);
    if (expect === 'listed') {
      return present ? pass(`CLR ${id} is listed`) : fail(`CLR ${id} is not listed by getClrs (${listed.length} CLRs listed)`, { id, listed: listed.length });
    }
    return present ? fail(`CLR ${id} is still listed by getClrs`, { id }) : pass(`CLR ${id} is not listed (${listed.length} CLRs checked)`);
  },
};

import { fail, pass, skip, type Check } from '../../engine/verdict.js';

export interface OrderInput {
  /** Assertion ids in the order the provider listed them. */
  listed: string[];
  /**
   * Ids whose relative update order the suite knows because it wrote them itself, oldest update first.
   * OB 2.0 assertions carry no last-updated field (`issuedOn` is the award date), so nothing else is known.
   */
  updatedOldestFirst: string[];
}

/** The list is ordered by last update, newest first, as far as the suite can observe it. */
export const ensureOrderedByUpdate: Check<OrderInput> = {
  id: 'ensure-ordered-by-update',
  title: 'Assertions are listed newest update first',
  run({ listed, updatedOldestFirst }) {
    const known = updatedOldestFirst.filter((id) => listed.includes(id));
    if (known.length < 2) {
      return skip('order not determinable: OB 2.0 assertions carry no last-updated time, and fewer than two records with a known update order are listed');
    }
    const positions = known.map((id) => listed.indexOf(id));
    for (let i = 1; i < positions.length; i++) {
      if (positions[i]! > positions[i - 1]!) {
        return fail(`${known[i]} was updated after ${known[i - 1]} but is listed after it`, {
          newer: known[i],
          older: known[i - 1],
          positions: { newer: positions[i], older: positions[i - 1] },
        });
      }
    }
    return pass(`${known.length} records with a known update order are listed newest first`);
  },
};

import { fail, pass, skip, type Check } from '../../engine/verdict.js';

export interface TotalCountInput {
  /** X-Total-Count as received, or undefined when the header was not sent. */
  header: string | undefined;
  /** Distinct records the suite saw by walking every page. */
  seen: number;
  /** False when the walk stopped early (page cap, failed page): `seen` is then a lower bound. */
  walkComplete: boolean;
}

/**
 * X-Total-Count, when sent, is a non-negative integer equal to the number of records the list holds
 * (SPEC21 says to omit it when the total is unknown, so a value that is sent must be the true total).
 */
export const ensureTotalCount: Check<TotalCountInput> = {
  id: 'ensure-total-count',
  title: 'X-Total-Count matches the records listed',
  run({ header, seen, walkComplete }) {
    if (header === undefined) return skip('no X-Total-Count header; whether it should be sent is checked separately');
    const value = header.trim();
    if (!/^\d+$/.test(value)) return fail(`X-Total-Count is "${header}", not a non-negative integer`, { actual: header });
    const total = Number(value);
    if (walkComplete && total !== seen) {
      return fail(`X-Total-Count is ${total}, but walking every page found ${seen} distinct records`, { header: total, seen });
    }
    if (!walkComplete && total < seen) {
      return fail(`X-Total-Count is ${total}, but the suite already saw ${seen} distinct records`, { header: total, seen });
    }
    return pass(walkComplete ? `X-Total-Count ${total} matches the records listed` : `X-Total-Count ${total} (at least ${seen} seen)`);
  },
};

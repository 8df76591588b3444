import { isDeepStrictEqual } from 'node:util';
import { fail, pass, type Check } from '../../engine/verdict.js';

export interface RoundTripInput {
  posted: Record<string, unknown>;
  /** Every listed record with the posted id (0 when absent, 2 or more when duplicated). */
  listed: unknown[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An embedded node replaced by its id is the same JSON-LD graph, so accept that too. */
function sameValue(posted: unknown, listed: unknown): boolean {
  if (isDeepStrictEqual(posted, listed)) return true;
  return isObject(posted) && typeof listed === 'string' && posted.id === listed;
}

/** The posted assertion is listed by GET /assertions once, with every posted field unchanged. */
export const ensureAssertionRoundTrip: Check<RoundTripInput> = {
  id: 'ensure-assertion-round-trip',
  title: 'Posted assertion is listed with its fields unchanged',
  run({ posted, listed }) {
    const id = String(posted.id);
    if (listed.length === 0) return fail(`assertion ${id} was accepted but is not listed by GET /assertions`, { id });
    const copy = listed[0];
    if (!isObject(copy)) return fail(`assertion ${id} is listed but is not an object`, { id });
    const changed = Object.keys(posted).filter((k) => !sameValue(posted[k], copy[k]));
    if (changed.length) {
      return fail(`assertion ${id} is listed with different "${changed.join('", "')}"`, {
        id,
        fields: changed.map((k) => ({ field: k, posted: posted[k], listed: copy[k] ?? null })).slice(0, 10),
      });
    }
    return pass(`assertion ${id} is listed with all ${Object.keys(posted).length} posted fields`);
  },
};

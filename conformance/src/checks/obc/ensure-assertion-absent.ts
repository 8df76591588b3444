import { fail, pass, type Check } from '../../engine/verdict.js';

export interface AbsentInput {
  /** The id of an assertion the provider refused. */
  id: string;
  /** Every assertion id the provider lists now. */
  listed: string[];
}

/** A refused write left nothing behind: the assertion id is not listed. */
export const ensureAssertionAbsent: Check<AbsentInput> = {
  id: 'ensure-assertion-absent',
  title: 'Refused assertion is not stored',
  run({ id, listed }) {
    return listed.includes(id)
      ? fail(`assertion ${id} was refused but is listed by GET /assertions`, { id })
      : pass(`assertion ${id} is not listed (${listed.length} records checked)`);
  },
};

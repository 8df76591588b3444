import { fail, pass, type Check } from '../../engine/verdict.js';

export interface EnoughRecordsInput {
  count: number;
  min: number;
  /** Why the suite needs them, shown when there are too few: 'so that paging needs two pages'. */
  purpose: string;
}

/** The account under test lists enough records for a behaviour to be observable at all. */
export const ensureEnoughRecords: Check<EnoughRecordsInput> = {
  id: 'ensure-enough-records',
  title: 'The test account lists enough assertions',
  run({ count, min, purpose }) {
    return count >= min
      ? pass(`${count} records listed (${min} needed ${purpose})`)
      : fail(`only ${count} records listed; the account used for the run needs at least ${min} ${purpose}`, { count, min });
  },
};

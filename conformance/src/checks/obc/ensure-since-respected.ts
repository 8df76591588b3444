import { fail, pass, type Check } from '../../engine/verdict.js';

export interface SinceInput {
  since: string;
  /** Ids listed for this `since` (every page). */
  listed: string[];
  /** Ids that were created or updated after `since` and so must be listed. */
  include: string[];
  /** Ids known not to have changed after `since`, or 'all' when nothing at all may be listed. */
  exclude: string[] | 'all';
}

/** Only (and all) the assertions created or updated after `since` are listed. */
export const ensureSinceRespected: Check<SinceInput> = {
  id: 'ensure-since-respected',
  title: '"since" filters by last update',
  run({ since, listed, include, exclude }) {
    const missing = include.filter((id) => !listed.includes(id));
    if (missing.length) {
      return fail(`since=${since}: ${missing.length} record(s) changed after it are not listed, e.g. ${missing[0]}`, { since, missing });
    }
    const unexpected = exclude === 'all' ? listed : listed.filter((id) => exclude.includes(id));
    if (unexpected.length) {
      return fail(`since=${since}: ${unexpected.length} record(s) not changed after it are listed, e.g. ${unexpected[0]}`, {
        since,
        unexpected: unexpected.slice(0, 20),
      });
    }
    return pass(`since=${since}: ${listed.length} record(s) listed, as expected`);
  },
};

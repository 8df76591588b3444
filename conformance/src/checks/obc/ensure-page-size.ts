import { fail, pass, type Check } from '../../engine/verdict.js';

export interface PageSizeInput {
  limit: number;
  /** assertions + signedAssertions on the page */
  count: number;
}

/** A page holds at most `limit` records, counting assertions and signed assertions together. */
export const ensurePageSize: Check<PageSizeInput> = {
  id: 'ensure-page-size',
  title: 'Page holds no more records than "limit"',
  run({ limit, count }) {
    return count <= limit
      ? pass(`${count} records for limit ${limit}`)
      : fail(`${count} records on a page requested with limit=${limit}`, { limit, count });
  },
};

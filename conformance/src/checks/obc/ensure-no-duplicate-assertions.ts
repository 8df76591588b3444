import { fail, pass, type Check } from '../../engine/verdict.js';

/** One listed record: its assertion id and where it was seen ('page 2', 'signedAssertions[1]'). */
export interface ListedRecord {
  id: string;
  where: string;
}

/** Each assertion id appears once across the whole list (SPEC21: ids are global, one entry per id). */
export const ensureNoDuplicateAssertions: Check<ListedRecord[]> = {
  id: 'ensure-no-duplicate-assertions',
  title: 'No assertion id is listed twice',
  run(records) {
    const seen = new Map<string, string[]>();
    for (const r of records) seen.set(r.id, [...(seen.get(r.id) ?? []), r.where]);
    const dupes = [...seen].filter(([, where]) => where.length > 1).map(([id, where]) => ({ id, where }));
    if (dupes.length === 0) return pass(`${records.length} records, all ids distinct`);
    const d = dupes[0]!;
    return fail(`assertion ${d.id} is listed ${d.where.length} times (${d.where.join(', ')})${dupes.length > 1 ? ` (+${dupes.length - 1} more ids)` : ''}`, {
      duplicates: dupes.slice(0, 20),
    });
  },
};

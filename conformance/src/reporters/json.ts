import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Reporter } from './types.js';
import { summarize } from './summary.js';

/** summary.json: the verdict, counts per outcome, and one entry per check. */
export const jsonReporter: Reporter = {
  name: 'json',
  async finish(events, outDir) {
    const file = join(outDir, 'summary.json');
    await writeFile(file, `${JSON.stringify(summarize(events), null, 2)}\n`);
    return [file];
  },
};

/**
 * Writes conformance/REQUIREMENTS.md from the catalog, the scenarios and the plans.
 * `--check` writes nothing and exits 1 when the file on disk differs (CI uses it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLANS } from '../src/plans/index.js';
import { engineCheckedRequirements } from '../src/report/coverage.js';
import { renderRequirementsMd } from '../src/report/requirements-md.js';
import { REQUIREMENTS } from '../src/requirements/index.js';
import { ALL_SCENARIOS } from '../src/scenarios/index.js';

const FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'REQUIREMENTS.md');
const shown = relative(process.cwd(), FILE) || FILE;

const text = renderRequirementsMd({
  requirements: [...REQUIREMENTS.values()],
  scenarios: ALL_SCENARIOS,
  plans: [...PLANS.values()],
  engineChecked: await engineCheckedRequirements(),
});

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(FILE, 'utf8');
  } catch {
    // A missing file is stale too.
  }
  if (current !== text) {
    process.stderr.write(`${shown} is stale: run \`npm run requirements\` and commit the result\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`${shown} is up to date\n`);
  }
} else {
  writeFileSync(FILE, text);
  process.stdout.write(`wrote ${shown}\n`);
}

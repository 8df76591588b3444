/**
 * Writes conformance/REQUIREMENTS.md from the catalog, the scenarios, the plans and the check calls.
 * `--check` writes nothing and exits 1 when the file on disk differs (CI uses it). Both modes exit 1 when
 * a check call cannot be read or its severity disagrees with the requirements it cites, one line each.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PLANS } from '../src/plans/index.js';
import { engineCheckedRequirements } from '../src/report/coverage.js';
import { renderRequirementsMd } from '../src/report/requirements-md.js';
import { severityDisagreements } from '../src/report/severity-audit.js';
import { REQUIREMENTS } from '../src/requirements/index.js';
import { ALL_SCENARIOS } from '../src/scenarios/index.js';
import { scanCallSites } from './call-sites.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FILE = join(ROOT, 'conformance', 'REQUIREMENTS.md');
const shown = relative(process.cwd(), FILE) || FILE;

const { sites, errors } = scanCallSites(ROOT);
if (errors.length) {
  for (const e of errors) process.stderr.write(`${e}\n`);
  process.stderr.write(`${errors.length} check call(s) could not be read; ${shown} not written\n`);
  process.exit(1);
}

const text = renderRequirementsMd({
  requirements: [...REQUIREMENTS.values()],
  scenarios: ALL_SCENARIOS,
  plans: [...PLANS.values()],
  engineChecked: await engineCheckedRequirements(),
  callSites: sites,
});

const disagreements = severityDisagreements(sites, REQUIREMENTS);
for (const d of disagreements) process.stderr.write(`${d}\n`);
if (disagreements.length) {
  process.stderr.write(`${disagreements.length} check call(s) disagree with the level or provenance of a requirement they cite\n`);
  process.exitCode = 1;
}

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

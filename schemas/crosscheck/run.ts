// `npm run crosscheck`: exit 0 when every disagreement with the official files is a documented erratum,
// 1 when one is not, 2 when the official files cannot be found.
import { crosscheckPassed, runCrosscheck } from './crosscheck.js';
import { ERRATA } from './errata.js';
import { locateSpecData } from './official.js';

const specData = locateSpecData();
if (!specData) {
  console.error('crosscheck: spec-data not found (expected ../shared/spec-data beside the repository, or set LRC_SPEC_DATA)');
  process.exit(2);
}

const report = await runCrosscheck(specData);
const slug = (id: string) => ERRATA.find((e) => e.id === id)?.slug ?? '?';
const errataHits = Object.values(report.knownErrata).reduce((a, b) => a + b, 0);

console.log(`spec-data: ${specData}`);
console.log(`documents compared: ${report.documents}`);
console.log(`agreed:             ${report.agreed}`);
console.log(`known errata:       ${report.explained} disagreements, ${errataHits} erratum hits${errataHits ? ` (${Object.entries(report.knownErrata).map(([id, n]) => `${id} ${slug(id)}: ${n}`).join(', ')})` : ''}`);
console.log(`unexpected:         ${report.unexpected.length}`);
for (const d of report.unexpected.slice(0, 20)) {
  const errs = (d.ours.valid ? d.official : d.ours).errors.slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.keyword}: ${e.message}`);
  console.log(`  - ${d.seed} / ${d.mutation}: ours ${d.ours.valid ? 'accepts' : 'rejects'}, official ${d.official.valid ? 'accepts' : 'rejects'} (${d.officialSchema}) ${errs.join('; ')}`);
}
if (report.unexpected.length > 20) console.log(`  ... and ${report.unexpected.length - 20} more`);
const badOursOnly = report.oursOnly.filter((o) => !o.valid);
console.log(`ours-only examples: ${report.oursOnly.length} checked, ${badOursOnly.length} rejected${badOursOnly.map((o) => `\n  - ${o.name}`).join('')}`);
console.log(`contexts: ${report.contexts.compared} documents expanded, ${report.contexts.identical} identical${report.contexts.differences.map((d) => `\n  - ${d}`).join('')}`);

process.exit(crosscheckPassed(report) ? 0 : 1);

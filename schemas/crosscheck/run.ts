// `npm run crosscheck`: exit 0 when every disagreement with the official files is a documented erratum,
// 1 when one is not, 2 when the official files cannot be found.
import { crosscheckPassed, runCrosscheck } from './crosscheck.js';
import { ERRATA, type Disagreement } from './errata.js';
import { locateSpecData } from './official.js';

const specData = locateSpecData();
if (!specData) {
  console.error('crosscheck: spec-data not found (expected ../shared/spec-data beside the repository, or set LRC_SPEC_DATA)');
  process.exit(2);
}

const report = await runCrosscheck(specData);
const slug = (id: string) => ERRATA.find((e) => e.id === id)?.slug ?? '?';

/** The figures of one family (OB 2.1 / CLR 1.0): compared, agreed, errata hits, unexpected ones. */
function printFamily(title: string, f: { documents: number; agreed: number; explained: number; knownErrata: Record<string, number>; unexpected: Disagreement[] }) {
  const hits = Object.values(f.knownErrata).reduce((a, b) => a + b, 0);
  const list = Object.entries(f.knownErrata).sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1)));
  console.log(title);
  console.log(`  documents compared: ${f.documents}`);
  console.log(`  agreed:             ${f.agreed}`);
  console.log(`  known errata:       ${f.explained} disagreements, ${hits} erratum hits${hits ? ` (${list.map(([id, n]) => `${id} ${slug(id)}: ${n}`).join(', ')})` : ''}`);
  console.log(`  unexpected:         ${f.unexpected.length}`);
  for (const d of f.unexpected.slice(0, 20)) {
    const errs = (d.ours.valid ? d.official : d.ours).errors.slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.keyword}: ${e.message}`);
    console.log(`    - ${d.seed} / ${d.mutation}: ours ${d.ours.valid ? 'accepts' : 'rejects'}, official ${d.official.valid ? 'accepts' : 'rejects'} (${d.officialSchema}) ${errs.join('; ')}`);
  }
  if (f.unexpected.length > 20) console.log(`    ... and ${f.unexpected.length - 20} more`);
}

console.log(`spec-data: ${specData}`);
printFamily('Open Badges 2.1 (Badge Connect) against the official draft-07 files, on the spec examples and their mutations', report);
const badOursOnly = report.oursOnly.filter((o) => !o.valid);
console.log(`  ours-only examples: ${report.oursOnly.length} checked, ${badOursOnly.length} rejected${badOursOnly.map((o) => `\n    - ${o.name}`).join('')}`);
console.log(`  contexts: ${report.contexts.compared} documents expanded, ${report.contexts.identical} identical${report.contexts.differences.map((d) => `\n    - ${d}`).join('')}`);
const c = report.clr;
printFamily('CLR 1.0 against the official draft-04 files, on our fixtures (no official examples exist) and their mutations', c);
console.log(
  `  contexts: ${c.contexts.compared} documents expanded, ${c.contexts.identical} identical, ${c.contexts.explained} identical once our E16 additions are removed` +
    c.contexts.differences.map((d) => `\n    - ${d}`).join(''),
);
const passed = crosscheckPassed(report);
console.log(passed ? 'crosscheck: passed' : 'crosscheck: FAILED');
process.exit(passed ? 0 : 1);

/**
 * The severity audit: every check call's severity against the level and provenance of the requirements
 * it cites. A `must` call may only cite a MUST that an official file or the specification text states;
 * a SHOULD, a MAY or our own reconstruction is at most a warning.
 */
import type { Requirement } from '../requirements/types.js';

export type Severity = 'must' | 'should' | 'may';

/** One `ctx.must/mustContinue/should/may` call found in the scenario sources. */
export interface CallSite {
  /** `path:line`, relative to the repository root. */
  location: string;
  severity: Severity;
  /** The check as the call names it (factory or constant), e.g. `ensureStatus`. */
  check: string;
  /** Every id the call can cite (a helper shared by two plans cites one of several). */
  requirementIds: string[];
}

/** One line per disagreement (an unknown id counts as one). Empty when the severities follow their sources. */
export function severityDisagreements(sites: readonly CallSite[], requirements: ReadonlyMap<string, Requirement>): string[] {
  const out: string[] = [];
  for (const site of sites) {
    for (const id of site.requirementIds) {
      const r = requirements.get(id);
      if (!r) {
        out.push(`${site.location}: ${site.check} cites ${id}, which is not in the catalog`);
        continue;
      }
      const why = disagreement(site.severity, r);
      if (why) out.push(`${site.location}: ${site.check} is a must but cites ${id}, ${why}`);
    }
  }
  return out;
}

function disagreement(severity: Severity, r: Requirement): string | undefined {
  if (severity !== 'must') return undefined;
  if (r.level !== 'MUST') return `a ${r.level} (use should or may)`;
  if (r.provenance === 'reconstruction') return 'a reconstructed rule (at most a warning: use should)';
  return undefined;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** Files without line numbers (so an unrelated edit does not make the file stale), with the number of calls. */
function files(locations: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const at of locations) {
    const file = at.replace(/:\d+$/, '').replace(/^conformance\/src\//, '');
    counts.set(file, (counts.get(file) ?? 0) + 1);
  }
  return [...counts].map(([file, n]) => (n > 1 ? `${file} (×${n})` : file)).join(', ');
}

/** The audit table of REQUIREMENTS.md: one row per requirement, severity and check, with where it is called. */
export function renderSeverityAudit(sites: readonly CallSite[], requirements: ReadonlyMap<string, Requirement>): string[] {
  const rows = new Map<string, { id: string; severity: Severity; check: string; at: string[] }>();
  for (const s of sites) {
    for (const id of s.requirementIds) {
      const key = `${id}\u0000${s.severity}\u0000${s.check}`;
      const row = rows.get(key) ?? { id, severity: s.severity, check: s.check, at: [] };
      row.at.push(s.location);
      rows.set(key, row);
    }
  }
  const order: Record<Severity, number> = { must: 0, should: 1, may: 2 };
  const sorted = [...rows.values()].sort(
    (a, b) => a.id.localeCompare(b.id, 'en') || order[a.severity] - order[b.severity] || a.check.localeCompare(b.check, 'en'),
  );
  const out = [
    '## Severity audit',
    '',
    `${sites.length} check calls, read from the scenario sources by conformance/scripts/call-sites.ts. A \`must\` (a failure) may only cite a MUST stated by an official file or the specification text; ` +
      'a SHOULD, a MAY or a reconstructed rule is at most a `should` (a warning), whose message then says the rule is our reconstruction. ' +
      'Where such a warning leaves nothing to judge, the run stops with exit 2 (no CLR 1.0 discovery document at the reconstructed path) or the scenario ends as skipped (no getClrs answer, say), never as passed. ' +
      '`npm run requirements -- --check` fails on any disagreement, one line each.',
    '',
    '| Requirement | Level (source) | Provenance | Severity used | Check | Called in (conformance/src/) |',
    '|---|---|---|---|---|---|',
  ];
  for (const row of sorted) {
    const r = requirements.get(row.id);
    const flag = r && disagreement(row.severity, r) ? ' **(disagrees)**' : '';
    out.push(
      `| ${row.id} | ${r?.level ?? '**unknown**'} | ${r?.provenance.replace('-', ' ') ?? ''} | ${row.severity}${flag} | \`${cell(row.check)}\` | ${files(row.at)} |`,
    );
  }
  out.push('');
  return out;
}

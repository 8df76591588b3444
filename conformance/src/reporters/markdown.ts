import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { verdictOf, type CheckEvent, type RunEvent } from '../engine/events.js';
import { lookupRequirement, type RequirementLookup } from '../report/catalog.js';
import { buildModel, OUTCOME_ORDER, type RunModel } from '../report/model.js';
import type { Reporter } from './types.js';

/** Failures and warnings listed before pointing at report.html, so a PR comment stays short. */
const MAX_FAILURES = 20;
const MAX_WARNINGS = 10;

/** report.md: a short summary for a pull-request comment or a CI job summary. */
export const markdownReporter: Reporter = {
  name: 'markdown',
  async finish(events, outDir) {
    const file = join(outDir, 'report.md');
    await writeFile(file, renderMarkdown(events));
    return [file];
  },
};

export function renderMarkdown(events: readonly RunEvent[], lookup: RequirementLookup = lookupRequirement): string {
  const m = buildModel(events);
  const out: string[] = [heading(m), ''];
  if (m.start) {
    out.push(`Run \`${code(m.start.runId)}\` of ${md(m.start.suite.name)} ${md(m.start.suite.version)}, started ${md(m.start.time)}` +
      (m.end ? `, ${(m.end.durationMs / 1000).toFixed(1)} s.` : '.'), '');
  }
  if (m.plans.length) {
    out.push('| Plan | Verdict | Scenarios | Requirements |', '|---|---|---|---|');
    for (const p of m.plans) {
      const scen: Record<string, number> = {};
      for (const s of p.scenarios) scen[s.outcome] = (scen[s.outcome] ?? 0) + 1;
      const reqs: Record<string, number> = {};
      for (const r of p.requirements) reqs[r.verdict] = (reqs[r.verdict] ?? 0) + 1;
      out.push(`| ${md(p.title)} (\`${code(p.id)}\`) | ${p.outcome} | ${counts(scen)} | ${counts(reqs)} |`);
    }
    out.push('');
  }
  out.push(`**Checks:** ${counts(m.counts) || 'none'}`, '');
  const checks = m.plans.flatMap((p) => p.scenarios.flatMap((s) => s.checks));
  section(out, 'Failures', checks.filter((c) => c.outcome === 'fail' || c.outcome === 'error'), MAX_FAILURES, lookup);
  section(out, 'Not run for want of data', checks.filter((c) => c.blocked && c.severity === 'must'), MAX_FAILURES, lookup);
  section(out, 'Warnings', checks.filter((c) => c.outcome === 'warning'), MAX_WARNINGS, lookup);
  const skipped = m.plans.flatMap((p) => p.scenarios.filter((s) => s.outcome === 'skip'));
  if (skipped.length) {
    out.push(`<details><summary>Skipped scenarios (${skipped.length})</summary>`, '');
    for (const s of skipped) out.push(`- \`${code(s.planId)}\` / \`${code(s.id)}\`: ${md(s.reason ?? 'skipped')}`);
    out.push('', '</details>', '');
  }
  if (m.notices.length) {
    out.push('### Notices', '');
    for (const n of m.notices) out.push(`- ${n.level} \`${code(n.code)}\`: ${md(n.message)}`);
    out.push('');
  }
  out.push('Full details, evidence and HTTP exchanges: `report.html` in the run directory.', '');
  return out.join('\n');
}

function heading(m: RunModel): string {
  const target = m.start ? ` — ${md(m.start.target)}` : '';
  if (!m.end) return `## ⚠️ INCOMPLETE${target}\n\nThe run did not finish; the results are partial.`;
  const verdict = verdictOf(m.end);
  if (verdict === 'error') return `## ⚠️ SUITE ERROR${target}\n\nThe suite could not complete the run; this is not a verdict on the implementation.`;
  if (verdict === 'inconclusive') {
    const b = m.end.blocked;
    const n = b?.must ?? 0;
    const needs = b ? ` (${md(b.needs.join('; '))})` : '';
    const remedy = b?.remedies.length ? ` To finish: ${md(b.remedies.join('; or '))}.` : '';
    return `## ❔ INCONCLUSIVE${target}\n\nNo MUST failed, but ${n} MUST check${n === 1 ? '' : 's'} could not run for want of data${needs}.${remedy}`;
  }
  return verdict === 'pass' ? `## ✅ PASS${target}` : `## ❌ FAIL${target}`;
}

function section(out: string[], title: string, list: CheckEvent[], max: number, lookup: RequirementLookup): void {
  if (!list.length) return;
  out.push(`### ${title} (${list.length})`, '');
  for (const c of list.slice(0, max)) {
    const reqs = c.requirementIds.map((id) => reqLink(id, lookup)).join(', ');
    const tag = c.outcome === 'error' ? ' (suite error)' : '';
    const needs = c.blocked ? ` Needs ${md(c.blocked.needs)}; to finish: ${md(c.blocked.remedy)}.` : '';
    out.push(`- ${reqs} ${c.severity.toUpperCase()}${tag} — **${md(c.title)}** (\`${code(c.planId)}\` / \`${code(c.scenarioId)}\` / \`${code(c.checkId)}\`): ${md(c.message)}${needs}`);
  }
  if (list.length > max) out.push(`- … and ${list.length - max} more in report.html`);
  out.push('');
}

function reqLink(id: string, lookup: RequirementLookup): string {
  const r = lookup(id);
  return r.url ? `[${md(id)}](${r.url.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`)})` : `\`${code(id)}\``;
}

function counts(c: Partial<Record<string, number>>): string {
  return [...OUTCOME_ORDER, 'inconclusive', 'incomplete']
    .filter((o) => c[o])
    .map((o) => `${c[o]} ${o === 'error' ? 'suite error' : o}`)
    .join(', ');
}

/** Escapes Markdown and inline HTML metacharacters and keeps text on one line. */
export function md(text: string): string {
  return text
    .replace(/[\u0000-\u001F\u007F]+/g, ' ')
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;');
}

/** Text inside backticks cannot be escaped; drop the characters that would end the span or the line. */
function code(text: string): string {
  return text.replace(/[`\u0000-\u001F\u007F|]/g, '');
}

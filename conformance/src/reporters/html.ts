import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { verdictOf, type RunEvent } from '../engine/events.js';
import { lookupRequirement, type RequirementLookup } from '../report/catalog.js';
import { buildModel, OUTCOME_ORDER, scenarioOutcomes, type PlanModel, type RunModel } from '../report/model.js';
import { CSP, CSS, SCRIPT } from './html-assets.js';
import { anchor, badge, countsLine, esc, LABEL, requirementTable, scenarioBlock } from './html-sections.js';
import type { Reporter } from './types.js';

/**
 * report.html: one self-contained page. It leads with the verdict per plan and per requirement (what a
 * program manager files), then each scenario's steps and HTTP exchanges (what a vendor engineer fixes).
 */
export const htmlReporter: Reporter = {
  name: 'html',
  async finish(events, outDir) {
    const file = join(outDir, 'report.html');
    await writeFile(file, renderHtml(events));
    return [file];
  },
};

export function renderHtml(events: readonly RunEvent[], lookup: RequirementLookup = lookupRequirement): string {
  const model = buildModel(events);
  const title = `Conformance report${model.start ? ` — ${model.start.target}` : ''}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    // CSP is our constant (no double quotes), so it is written as is.
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${esc(title)}</title><style>${CSS}</style></head><body>`,
    header(model, title),
    '<main>',
    notices(model),
    overview(model),
    ...model.plans.map((p, pi) => planSection(p, pi, lookup)),
    '</main>',
    `<script>${SCRIPT}</script>`,
    '</body></html>',
    '',
  ].join('\n');
}

function header(model: RunModel, title: string): string {
  const s = model.start;
  const meta = s
    ? [
        `${s.suite.name} ${s.suite.version}`,
        `target ${s.target}`,
        `run ${s.runId}`,
        `started ${s.time}`,
        ...(model.end ? [`${(model.end.durationMs / 1000).toFixed(1)} s`] : []),
      ]
    : ['no run-start event'];
  const filters = [
    '<button type="button" data-filter="all" aria-pressed="true">All</button>',
    ...OUTCOME_ORDER.filter((o) => model.counts[o] > 0).map(
      (o) => `<button type="button" data-filter="${o}" aria-pressed="false">${esc(LABEL[o])} (${model.counts[o]})</button>`,
    ),
  ];
  return (
    `<header class="top"><h1>${esc(title)}</h1><p class="meta">${meta.map((m) => `<span>${esc(m)}</span>`).join('')}</p>` +
    `${verdictLine(model)}` +
    `<nav class="filters" aria-label="Filter by outcome"><span class="label">Show:</span>${filters.join('')}</nav></header>`
  );
}

function verdictLine(model: RunModel): string {
  const end = model.end;
  if (!end) return `<p><span class="verdict o-error">INCOMPLETE</span><span class="why">The run did not finish; the results below are partial.</span></p>`;
  const verdict = verdictOf(end);
  if (verdict === 'error') {
    return `<p><span class="verdict o-error">SUITE ERROR</span><span class="why">The suite could not complete the run (configuration or suite problem). This is not a verdict on the implementation.</span></p>`;
  }
  if (verdict === 'inconclusive') {
    const b = end.blocked;
    const n = b?.must ?? 0;
    const why = `No MUST failed, but ${n} MUST check${n === 1 ? '' : 's'} could not run for want of data${b ? ` (${b.needs.join('; ')})` : ''}. To finish: ${b?.remedies.join('; or ') ?? 'see the skipped checks'}.`;
    return `<p><span class="verdict o-inconclusive">INCONCLUSIVE</span><span class="why">${esc(why)} ${esc(countsLine(end.counts))}</span></p>`;
  }
  if (verdict === 'fail') {
    const n = end.counts.fail;
    const why = n > 0 ? `${n} MUST check${n === 1 ? '' : 's'} failed.` : 'The run failed (see the notices).';
    return `<p><span class="verdict o-fail">FAIL</span><span class="why">${esc(why)} ${esc(countsLine(end.counts))}</span></p>`;
  }
  return `<p><span class="verdict o-pass">PASS</span><span class="why">Every MUST passed. ${esc(countsLine(end.counts))}</span></p>`;
}

function notices(model: RunModel): string {
  if (model.notices.length === 0) return '';
  const items = model.notices.map(
    (n) => `<div class="notice ${esc(n.level)}"><code>${esc(n.code)}</code> ${esc(n.message)}</div>`,
  );
  return `<section class="notices"><h2>Notices</h2>${items.join('')}</section>`;
}

function overview(model: RunModel): string {
  if (model.plans.length === 0) return '<p>No plan ran.</p>';
  const rows = model.plans.map((p, pi) => {
    const scen: Record<string, number> = {};
    for (const s of p.scenarios) scen[s.outcome] = (scen[s.outcome] ?? 0) + 1;
    const reqs: Record<string, number> = {};
    for (const r of p.requirements) reqs[r.verdict] = (reqs[r.verdict] ?? 0) + 1;
    return (
      `<tr data-has="${planOutcomes(p).join(' ')}"><td><a href="#${anchor.plan(pi)}">${esc(p.title)}</a><div class="small">${esc(p.id)}</div></td>` +
      `<td>${badge(p.outcome)}</td><td class="small">${esc(countsText(scen))}</td><td class="small">${esc(countsText(reqs))}</td></tr>`
    );
  });
  return (
    '<section class="overview"><h2>Plans</h2><table><thead><tr><th>Plan</th><th>Verdict</th><th>Scenarios</th>' +
    `<th>Requirements</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`
  );
}

function planSection(p: PlanModel, pi: number, lookup: RequirementLookup): string {
  return (
    `<section class="plan" id="${anchor.plan(pi)}" data-has="${planOutcomes(p).join(' ')}">` +
    `<h2>${esc(p.title)} ${badge(p.outcome)} <span class="sid">${esc(p.id)}</span></h2>` +
    '<h3>Requirements</h3>' +
    requirementTable(p, pi, lookup) +
    `<h3>Scenarios (${p.scenarios.length})</h3>` +
    p.scenarios.map((s, si) => scenarioBlock(s, pi, si, lookup)).join('') +
    '</section>'
  );
}

function planOutcomes(p: PlanModel): string[] {
  const set = new Set<string>(p.scenarios.flatMap(scenarioOutcomes));
  for (const r of p.requirements) set.add(r.verdict);
  return OUTCOME_ORDER.filter((o) => set.has(o));
}

function countsText(counts: Record<string, number>): string {
  const order = [...OUTCOME_ORDER, 'inconclusive', 'incomplete'];
  return order.filter((o) => counts[o]).map((o) => `${counts[o]} ${LABEL[o] ?? o}`).join(', ');
}

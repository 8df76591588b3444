/**
 * The parts of report.html. Only the fields named here are rendered (never a whole event object), and
 * every string from the event stream goes through esc(); the events are already redacted.
 */
import type { CheckEvent, HttpEvent, RecordedRequest, RecordedResponse, ResultOutcome } from '../engine/events.js';
import { compareRequirements, type RequirementLookup } from '../report/catalog.js';
import { OUTCOME_ORDER, scenarioOutcomes, type PlanModel, type ScenarioModel } from '../report/model.js';

/** Longest body shown inline; the full text stays in events.jsonl. */
const BODY_LIMIT = 20_000;

export const LABEL: Record<string, string> = {
  pass: 'pass', fail: 'fail', warning: 'warning', info: 'info', skip: 'skip', error: 'suite error',
  incomplete: 'incomplete', inconclusive: 'inconclusive',
};

export function esc(text: unknown): string {
  return String(text)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function badge(outcome: string): string {
  return `<span class="badge o-${esc(outcome)}">${esc(LABEL[outcome] ?? outcome)}</span>`;
}

/** Anchors are built from positions, never from event text, so they are always valid ids. */
export const anchor = {
  plan: (pi: number) => `p${pi}`,
  scenario: (pi: number, si: number) => `p${pi}-s${si}`,
  http: (pi: number, si: number, hi: number) => `p${pi}-s${si}-h${hi}`,
};

export function requirementLink(id: string, lookup: RequirementLookup): string {
  const r = lookup(id);
  if (r.url) return `<a class="req" href="${esc(r.url)}" rel="noreferrer" target="_blank">${esc(id)}</a>`;
  return `<span class="unknown" title="not in the requirement catalog">${esc(id)}</span>`;
}

/** The certification-role view: one row per requirement the plan's checks cite. */
export function requirementTable(plan: PlanModel, pi: number, lookup: RequirementLookup): string {
  if (plan.requirements.length === 0) return '<p class="small">No check of this plan ran.</p>';
  const scenarioIndex = new Map(plan.scenarios.map((s, si) => [s.id, si]));
  const rows = plan.requirements
    .map((row) => ({ row, info: lookup(row.id) }))
    .sort((a, b) => compareRequirements(a.info, b.info))
    .map(({ row, info }) => {
      const counts = OUTCOME_ORDER.filter((o) => row.counts[o])
        .map((o) => `${row.counts[o]} ${LABEL[o]}`)
        .join(', ');
      const where = row.scenarios
        .map((id) => `<a href="#${anchor.scenario(pi, scenarioIndex.get(id) ?? 0)}">${esc(id)}</a>`)
        .join('<br>');
      const summary = info.known
        ? `${esc(info.summary)}<div class="small">${esc(info.sourceTitle)} · ${esc(info.provenance?.replace('-', ' '))}</div>`
        : '<span class="tag">not in catalog</span>';
      return (
        `<tr data-outcome="${row.verdict}"><td>${requirementLink(row.id, lookup)}</td><td>${esc(info.level ?? '')}</td>` +
        `<td>${summary}</td><td>${badge(row.verdict)}</td><td class="small">${esc(counts)}</td><td class="small">${where}</td></tr>`
      );
    });
  return (
    '<table class="reqs"><thead><tr><th>Requirement</th><th>Level</th><th>Summary</th><th>Verdict</th>' +
    `<th>Checks</th><th>Scenarios</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

export function scenarioBlock(s: ScenarioModel, pi: number, si: number, lookup: RequirementLookup): string {
  const has = scenarioOutcomes(s);
  const open = s.outcome === 'fail' || s.outcome === 'error' || s.outcome === 'inconclusive' ? ' open' : '';
  const httpAnchor = new Map(s.http.map((h, hi) => [h.id, anchor.http(pi, si, hi)]));
  const steps = s.checks.map((c, i) => stepRow(c, i + 1, httpAnchor, s.http, lookup)).join('');
  const duration = s.durationMs === undefined ? '' : `<span class="small">${s.durationMs} ms</span>`;
  return (
    `<details class="scenario" id="${anchor.scenario(pi, si)}" data-has="${has.join(' ')}"${open}>` +
    `<summary>${badge(s.outcome)} <strong>${esc(s.title)}</strong> <span class="sid">${esc(s.id)}</span> ${duration}</summary>` +
    '<div class="scenario-body">' +
    (s.reason ? `<p class="reason">${esc(s.reason)}</p>` : '') +
    (steps
      ? '<table class="steps"><thead><tr><th>#</th><th>Check (expected)</th><th>Requirements</th><th>Level</th>' +
        `<th>Outcome</th><th>Result (actual)</th></tr></thead><tbody>${steps}</tbody></table>`
      : '<p class="small">No check ran.</p>') +
    (s.http.length
      ? `<h4>HTTP exchanges (${s.http.length})</h4>${s.http.map((h, hi) => httpBlock(h, anchor.http(pi, si, hi))).join('')}`
      : '') +
    '</div></details>'
  );
}

function stepRow(
  c: CheckEvent,
  n: number,
  httpAnchor: Map<string, string>,
  http: readonly HttpEvent[],
  lookup: RequirementLookup,
): string {
  const reqs = c.requirementIds.map((id) => requirementLink(id, lookup)).join('<br>');
  const links = (c.httpIds ?? [])
    .map((id) => {
      const target = httpAnchor.get(id);
      const h = http.find((x) => x.id === id);
      if (!target || !h) return '';
      return `<a href="#${target}">${esc(h.label ?? `${h.request.method} ${pathOf(h.request.url)}`)}</a>`;
    })
    .filter(Boolean);
  const evidence = c.evidence
    ? `<details class="evidence"><summary>evidence</summary><pre>${esc(clip(JSON.stringify(c.evidence, null, 2)))}</pre></details>`
    : '';
  return (
    `<tr class="step" data-outcome="${c.outcome}"><td>${n}</td>` +
    `<td>${esc(c.title)}<div class="small"><code>${esc(c.checkId)}</code></div></td>` +
    `<td>${reqs}</td><td>${esc(c.severity.toUpperCase())}</td><td>${badge(c.outcome)}</td>` +
    `<td><div class="msg">${esc(c.message)}</div>${blockedNote(c)}${links.length ? `<div class="small">HTTP: ${links.join(', ')}</div>` : ''}${evidence}</td></tr>`
  );
}

/** A skip for want of data says so, with what would let it finish. */
function blockedNote(c: CheckEvent): string {
  if (!c.blocked) return '';
  return `<div class="blocked"><strong>Not run for want of data:</strong> needs ${esc(c.blocked.needs)}. To finish: ${esc(c.blocked.remedy)}</div>`;
}

function httpBlock(h: HttpEvent, id: string): string {
  const status = h.response ? String(h.response.status) : (h.error?.code ?? 'no response');
  const label = h.label ? ` <span class="small">${esc(h.label)}</span>` : '';
  return (
    `<details class="http" id="${id}"><summary><code>${esc(h.request.method)} ${esc(h.request.url)}</code> → ` +
    `<strong>${esc(status)}</strong>${label} <span class="small">${esc(h.durationMs)} ms</span></summary>` +
    `<div class="exchange"><div><h4>Request</h4><pre>${esc(requestText(h.request))}</pre></div>` +
    `<div><h4>Response</h4><pre>${esc(h.response ? responseText(h.response) : `${h.error?.code ?? ''}: ${h.error?.message ?? ''}`)}</pre></div></div>` +
    '</details>'
  );
}

function requestText(r: RecordedRequest): string {
  return [`${r.method} ${r.url}`, ...headerLines(r.headers), '', bodyText(r.body, r.headers['content-type'])].join('\n');
}

function responseText(r: RecordedResponse): string {
  const cut = r.truncated ? '\n[body cut at the response size limit]' : '';
  return [`HTTP ${r.status}`, ...headerLines(r.headers), '', bodyText(r.body, r.headers['content-type']) + cut].join('\n');
}

function headerLines(headers: Record<string, string>): string[] {
  return Object.entries(headers).map(([k, v]) => `${k}: ${v}`);
}

/** JSON pretty-printed and forms one decoded field per line, so a reader can compare values. */
function bodyText(body: string | undefined, contentType = ''): string {
  if (!body) return '';
  if (contentType.includes('application/x-www-form-urlencoded')) {
    return clip([...new URLSearchParams(body)].map(([k, v]) => `${k}=${v}`).join('\n'));
  }
  try {
    return clip(JSON.stringify(JSON.parse(body), null, 2));
  } catch {
    return clip(body);
  }
}

function clip(text: string): string {
  return text.length > BODY_LIMIT
    ? `${text.slice(0, BODY_LIMIT)}\n… ${text.length - BODY_LIMIT} more characters in events.jsonl`
    : text;
}

function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

export function countsLine(counts: Partial<Record<ResultOutcome, number>>): string {
  return OUTCOME_ORDER.filter((o) => counts[o]).map((o) => `${counts[o]} ${LABEL[o]}`).join(', ');
}

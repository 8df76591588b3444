/**
 * Run-to-run diff per requirement: new failures, fixed ones and changed warnings. A check is matched
 * across runs by plan, scenario, check id, title and its position among equal calls.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../engine/errors.js';
import type { ResultOutcome, RunStartEvent } from '../engine/events.js';
import { parseEventLog } from '../reporters/jsonl.js';
import { summarize, type SummaryCheck } from '../reporters/summary.js';

export interface RunResults {
  source: string;
  runId: string | null;
  checks: SummaryCheck[];
}

/** `not-run`: a MUST check that now could not run for want of data (the run is inconclusive on it). */
export type ChangeKind = 'new-failure' | 'fixed' | 'no-longer-checked' | 'not-run' | 'new-warning' | 'resolved-warning' | 'changed-warning';
export const CHANGE_KINDS: readonly ChangeKind[] = ['new-failure', 'fixed', 'no-longer-checked', 'not-run', 'new-warning', 'resolved-warning', 'changed-warning'];

export interface Change {
  kind: ChangeKind;
  plan: string;
  scenario: string;
  checkId: string;
  title: string;
  before: ResultOutcome | null;
  after: ResultOutcome | null;
  message: string;
}

export interface DiffResult {
  previous: { source: string; runId: string | null };
  current: { source: string; runId: string | null };
  counts: Record<ChangeKind, number>;
  requirements: { id: string; changes: Change[] }[];
}

/** A run directory (events.jsonl, else summary.json), an events.jsonl or a summary.json. */
export function loadRunResults(path: string): RunResults {
  if (!existsSync(path)) throw new UsageError('diff-source-missing', `no run directory or file at ${path}`);
  let file = path;
  if (statSync(path).isDirectory()) {
    file = [join(path, 'events.jsonl'), join(path, 'summary.json')].find((f) => existsSync(f)) ?? '';
    if (!file) throw new UsageError('diff-source-missing', `${path} has neither events.jsonl nor summary.json`);
  }
  const text = readFileSync(file, 'utf8');
  try {
    if (file.endsWith('.jsonl')) {
      const events = parseEventLog(text);
      const start = events.find((e): e is RunStartEvent => e.type === 'run-start');
      return { source: file, runId: start?.runId ?? null, checks: summarize(events).checks };
    }
    const summary = JSON.parse(text) as { runId?: unknown; checks?: unknown };
    if (!Array.isArray(summary.checks)) throw new Error('no "checks" array');
    return { source: file, runId: typeof summary.runId === 'string' ? summary.runId : null, checks: summary.checks as SummaryCheck[] };
  } catch (err) {
    throw new UsageError('diff-source-malformed', `${file}: ${(err as Error).message}`);
  }
}

function keyed(checks: readonly SummaryCheck[]): Map<string, SummaryCheck> {
  const out = new Map<string, SummaryCheck>();
  const seen = new Map<string, number>();
  for (const c of checks) {
    const base = [c.plan, c.scenario, c.checkId, c.title].join('\u0000');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.set(`${base}\u0000${n}`, c);
  }
  return out;
}

const failing = (o: ResultOutcome | null) => o === 'fail' || o === 'error';
const notRun = (c: SummaryCheck | undefined) => c !== undefined && c.outcome === 'skip' && c.blocked !== undefined && c.severity === 'must';

function classify(b: SummaryCheck | undefined, a: SummaryCheck | undefined): ChangeKind | undefined {
  const before = b?.outcome ?? null;
  const after = a?.outcome ?? null;
  if (failing(after) && !failing(before)) return 'new-failure';
  if (failing(before) && after === null) return 'no-longer-checked';
  if (notRun(a) && !notRun(b)) return 'not-run';
  if (failing(before) && !failing(after)) return 'fixed';
  if (after === 'warning' && before !== 'warning') return 'new-warning';
  if (before === 'warning' && after !== 'warning' && !failing(after)) return 'resolved-warning';
  if (before === 'warning' && after === 'warning' && b?.message !== a?.message) return 'changed-warning';
  return undefined;
}

export function diffRuns(previous: RunResults, current: RunResults): DiffResult {
  const prev = keyed(previous.checks);
  const curr = keyed(current.checks);
  const counts = Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;
  const byRequirement = new Map<string, Change[]>();
  for (const key of new Set([...prev.keys(), ...curr.keys()])) {
    const b = prev.get(key);
    const a = curr.get(key);
    const kind = classify(b, a);
    if (!kind) continue;
    const c = (a ?? b)!;
    counts[kind] += 1;
    const change: Change = {
      kind,
      plan: c.plan,
      scenario: c.scenario,
      checkId: c.checkId,
      title: c.title,
      before: b?.outcome ?? null,
      after: a?.outcome ?? null,
      message: kind === 'changed-warning' ? `${b?.message} → ${a?.message}` : kind === 'not-run' && a?.blocked ? `${c.message} (needs ${a.blocked.needs}; to finish: ${a.blocked.remedy})` : c.message,
    };
    for (const id of c.requirementIds.length ? c.requirementIds : ['(no requirement)']) {
      byRequirement.set(id, [...(byRequirement.get(id) ?? []), change]);
    }
  }
  const rank = (ch: Change) => CHANGE_KINDS.indexOf(ch.kind);
  return {
    previous: { source: previous.source, runId: previous.runId },
    current: { source: current.source, runId: current.runId },
    counts,
    requirements: [...byRequirement]
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([id, changes]) => ({ id, changes: changes.sort((p, q) => rank(p) - rank(q)) })),
  };
}

const KIND_LABEL: Record<ChangeKind, string> = {
  'new-failure': 'new failure',
  fixed: 'fixed',
  'no-longer-checked': 'no longer checked',
  'not-run': 'not run (want of data)',
  'new-warning': 'new warning',
  'resolved-warning': 'resolved warning',
  'changed-warning': 'changed warning',
};

export function formatDiff(d: DiffResult): string[] {
  const lines = [`previous: ${d.previous.source} (run ${d.previous.runId ?? '?'})`, `current:  ${d.current.source} (run ${d.current.runId ?? '?'})`];
  if (d.requirements.length === 0) lines.push('', 'no change in failures or warnings');
  for (const r of d.requirements) {
    lines.push('', r.id);
    for (const c of r.changes) {
      lines.push(`  ${KIND_LABEL[c.kind].padEnd(17)} ${c.plan}/${c.scenario}/${c.checkId} (${c.title}): ${c.message.split('\n')[0]}`);
    }
  }
  const total = CHANGE_KINDS.filter((k) => d.counts[k]).map((k) => `${d.counts[k]} ${KIND_LABEL[k]}${d.counts[k] === 1 || !KIND_LABEL[k].includes(' ') || k === 'no-longer-checked' || k === 'not-run' ? '' : 's'}`);
  lines.push('', `summary: ${total.join(', ') || 'no changes'}`);
  if (d.counts['new-failure'] > 0) lines.push('FAILED: the current run has new failures');
  else if (d.counts['not-run'] > 0) lines.push('the current run could not run some MUST checks for want of data (see "not run"): it is inconclusive on them');
  return lines;
}

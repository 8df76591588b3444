/**
 * Expected failures: known failures or skips, each with a reason, reported as warnings instead of
 * failing the run. A listed check that now passes fails the run, so the list cannot go stale.
 * Applied as a transform over the event stream, so events.jsonl records every downgrade.
 */
import { readFileSync } from 'node:fs';
import { UsageError } from '../engine/errors.js';
import { runVerdict, type ResultOutcome, type RunEvent } from '../engine/events.js';

export interface ExpectedFailure {
  plan?: string;
  scenario: string;
  check: string;
  reason: string;
}

const ENTRY_KEYS = new Set(['plan', 'scenario', 'check', 'reason']);

export function loadExpectedFailures(file: string): ExpectedFailure[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError('expected-failures-unreadable', `cannot read expected-failures file ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  return parseExpectedFailures(text, file);
}

export function parseExpectedFailures(text: string, file: string): ExpectedFailure[] {
  const bad = (why: string) => new UsageError('expected-failures-malformed', `expected-failures file ${file}: ${why}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw bad(`not valid JSON (${(err as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('must hold a JSON object');
  const extra = Object.keys(value).filter((k) => k !== 'expectedFailures');
  if (extra.length) throw bad(`unknown key "${extra[0]}"`);
  const list = (value as { expectedFailures?: unknown }).expectedFailures;
  if (!Array.isArray(list)) throw bad('"expectedFailures" must be an array');
  const seen = new Set<string>();
  return list.map((item, i) => {
    const at = `entry ${i + 1}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw bad(`${at} must be an object`);
    const o = item as Record<string, unknown>;
    const unknown = Object.keys(o).find((k) => !ENTRY_KEYS.has(k));
    if (unknown) throw bad(`${at} has unknown key "${unknown}"`);
    for (const key of ['scenario', 'check'] as const) {
      if (typeof o[key] !== 'string' || !(o[key] as string).trim()) throw bad(`${at} needs "${key}" (a non-empty string)`);
    }
    if (typeof o.reason !== 'string' || !o.reason.trim()) throw bad(`${at} has no reason: every expected failure needs one`);
    if (o.plan !== undefined && (typeof o.plan !== 'string' || !o.plan.trim())) throw bad(`${at}: "plan" must be a non-empty string`);
    const entry: ExpectedFailure = {
      ...(o.plan !== undefined ? { plan: o.plan as string } : {}),
      scenario: o.scenario as string,
      check: o.check as string,
      reason: o.reason.trim(),
    };
    const key = entryName(entry);
    if (seen.has(key)) throw bad(`${at} repeats ${key}`);
    seen.add(key);
    return entry;
  });
}

/** plan/scenario/check, or scenario/check when the entry applies to every plan. */
export function entryName(e: ExpectedFailure): string {
  return [e.plan, e.scenario, e.check].filter(Boolean).join('/');
}

type Seen = { failing: number; passing: number };

/** Stateful transform: feed events in order, emit what it returns. */
export class ExpectedFailureFilter {
  private readonly seen = new Map<ExpectedFailure, Seen>();
  private readonly scenarios = new Map<string, { fail: number; downgraded: number; blocked?: number }>();
  private readonly plans = new Map<string, { fail: boolean; error: boolean; inconclusive?: boolean }>();
  private readonly counts: Record<ResultOutcome, number> = { pass: 0, fail: 0, warning: 0, info: 0, skip: 0, error: 0 };
  /** MUST checks still skipped for want of data after the downgrades (a listed one is a warning now). */
  private blockedMust = 0;

  constructor(
    private readonly entries: readonly ExpectedFailure[],
    private readonly file: string,
  ) {
    for (const e of entries) this.seen.set(e, { failing: 0, passing: 0 });
  }

  /** Entries whose check ran and passed every time: the run fails on these. */
  get passing(): ExpectedFailure[] {
    return this.entries.filter((e) => {
      const s = this.seen.get(e)!;
      return s.passing > 0 && s.failing === 0;
    });
  }

  apply(e: RunEvent): RunEvent[] {
    switch (e.type) {
      case 'run-start':
        return [{ ...e, options: { ...e.options, expectedFailures: { file: this.file, entries: this.entries.length } } }];
      case 'check': {
        const entry = this.entries.find(
          (x) => x.scenario === e.scenarioId && x.check === e.checkId && (x.plan === undefined || x.plan === e.planId),
        );
        const key = `${e.planId}\u0000${e.scenarioId}`;
        const sc = this.scenarios.get(key) ?? { fail: 0, downgraded: 0 };
        this.scenarios.set(key, sc);
        let out = e;
        if (entry) {
          const s = this.seen.get(entry)!;
          if (e.outcome === 'pass') s.passing += 1;
          else if (e.outcome !== 'error') {
            s.failing += 1;
            const outcome = e.outcome === 'fail' || e.outcome === 'skip' ? 'warning' : e.outcome;
            if (outcome !== e.outcome) sc.downgraded += 1;
            const { blocked: _dropped, ...rest } = e;
            out = { ...(outcome === 'warning' ? rest : e), outcome, message: `${e.message} (expected ${e.outcome}: ${entry.reason})` };
          }
        }
        if (out.outcome === 'fail') sc.fail += 1;
        if (out.blocked && out.severity === 'must') {
          this.blockedMust += 1;
          sc.blocked = (sc.blocked ?? 0) + 1;
        }
        this.counts[out.outcome] += 1;
        return [out];
      }
      case 'scenario-end': {
        const sc = this.scenarios.get(`${e.planId}\u0000${e.scenarioId}`);
        let out = e;
        if (e.outcome === 'fail' && sc && sc.fail === 0 && sc.downgraded > 0) {
          out = { ...e, outcome: sc.blocked ? 'inconclusive' : 'pass', reason: `${e.reason ?? 'failed'}, an expected failure` };
        } else if (e.outcome === 'inconclusive' && sc && !sc.blocked && sc.downgraded > 0) {
          // Every check that lacked data is a listed one, now a warning.
          out = { ...e, outcome: 'pass', reason: `${e.reason ?? 'inconclusive'}, an expected failure` };
        }
        const p = this.plans.get(e.planId) ?? { fail: false, error: false };
        p.fail ||= out.outcome === 'fail';
        p.error ||= out.outcome === 'error';
        p.inconclusive ||= out.outcome === 'inconclusive';
        this.plans.set(e.planId, p);
        return [out];
      }
      case 'plan-end': {
        const p = this.plans.get(e.planId);
        const settled = p && !p.fail && !p.error && (e.outcome === 'fail' || e.outcome === 'inconclusive');
        const outcome = settled ? (p.inconclusive ? 'inconclusive' : 'pass') : e.outcome;
        return [{ ...e, outcome }];
      }
      case 'run-end': {
        const notices = this.entries.map((entry) => this.notice(entry, e.time));
        const stale = this.passing.length > 0;
        // A listed failure that passes again fails the run, like a real failure.
        const failed = this.counts.fail + (stale ? 1 : 0);
        const { verdict, exitCode } = runVerdict({ suiteError: e.suiteError, failed, blockedMust: this.blockedMust });
        const { blocked, ...rest } = e;
        const still = blocked && this.blockedMust > 0 ? { blocked: { ...blocked, must: this.blockedMust } } : {};
        return [...notices, { ...rest, ...still, counts: { ...this.counts }, exitCode, verdict }];
      }
      default:
        return [e];
    }
  }

  private notice(entry: ExpectedFailure, time: string): RunEvent {
    const s = this.seen.get(entry)!;
    const name = entryName(entry);
    if (s.passing > 0 && s.failing === 0) {
      return { type: 'notice', time, level: 'error', code: 'expected-failure-passed', message: `expected failure ${name} now passes: remove it from ${this.file}` };
    }
    if (s.failing > 0) {
      return { type: 'notice', time, level: 'warning', code: 'expected-failure', message: `expected failure ${name} reported as a warning: ${entry.reason}` };
    }
    return { type: 'notice', time, level: 'warning', code: 'expected-failure-not-seen', message: `expected failure ${name} did not run in this run` };
  }
}

/** The transform over a whole recorded stream (re-rendering, tests). */
export function applyExpectedFailures(events: readonly RunEvent[], entries: readonly ExpectedFailure[], file: string): { events: RunEvent[]; passing: ExpectedFailure[] } {
  const filter = new ExpectedFailureFilter(entries, file);
  const out = events.flatMap((e) => filter.apply(e));
  return { events: out, passing: filter.passing };
}

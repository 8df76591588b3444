import type { BlockedSummary, EventSink, ResultOutcome, RunEndEvent, RunEvent, ScenarioEndEvent } from './events.js';
import { nowIso, runVerdict } from './events.js';
import { PlanState, ScenarioContext } from './context.js';
import { SkipScenario, StopScenario, SuiteError, UsageError } from './errors.js';
import { HttpClient } from './http.js';
import { Redactor } from './redact.js';
import type { RunConfig } from './config.js';
import type { Plan, Scenario } from './scenario.js';
import type { ConsumerHarness } from '../emulators/harness.js';

export const SUITE = { name: 'lrc-conformance', version: '0.1.0' } as const;

export interface RunInput {
  config: RunConfig;
  plans: Plan[];
  scenarios: ReadonlyMap<string, Scenario>;
  sink: EventSink;
  /** Shared with the CLI so values learnt before the run (auth fields) are redacted too. */
  redactor?: Redactor;
  /** Options shown in the run-start event (already free of secrets). */
  options?: Record<string, unknown>;
  /** Consumer plans: the emulators the candidate talks to, handed to every scenario. */
  emulator?: ConsumerHarness;
}

/** Runs every plan in order and returns the closing event. Never throws for implementation failures. */
export async function runPlans(input: RunInput): Promise<RunEndEvent> {
  const { config, plans, scenarios, sink } = input;
  const redactor = input.redactor ?? new Redactor();
  for (const value of Object.values(config.authFields)) redactor.addSecret(value);
  const started = performance.now();
  const counts: Record<ResultOutcome, number> = { pass: 0, fail: 0, warning: 0, info: 0, skip: 0, error: 0 };
  let suiteError = false;
  const blocked = newBlockedSummary();
  const emit: EventSink = (e) => {
    if (e.type === 'check') {
      counts[e.outcome] += 1;
      if (e.blocked && e.severity === 'must') addBlocked(blocked, e.blocked);
    }
    sink(e);
  };

  emit({
    type: 'run-start',
    time: nowIso(),
    runId: config.runId,
    suite: { ...SUITE },
    target: subjectOf(config),
    ...(config.candidate ? { candidate: config.candidate } : {}),
    plans: plans.map((p) => p.id),
    options: input.options ?? {},
  });
  if (config.plainHttpLoopback) {
    emit({
      type: 'notice',
      time: nowIso(),
      level: 'warning',
      code: 'tls-not-tested',
      message: `target ${config.target} is plain http on a loopback host: accepted for local testing, but TLS was not tested`,
    });
  }

  // A usage error found mid-run (e.g. --auth-field names no field of the sign-in form) ends the run: every
  // later scenario would meet it again, and none of it says anything about the implementation.
  let usage: UsageError | undefined;
  for (const plan of plans) {
    if (usage) break;
    emit({ type: 'plan-start', time: nowIso(), planId: plan.id, title: plan.title, scenarios: plan.scenarios });
    const state = new PlanState();
    let planOutcome: 'pass' | 'fail' | 'error' | 'inconclusive' = 'pass';
    let exercised = false;
    let firstSkip: string | undefined;
    for (const scenarioId of plan.scenarios) {
      const scenario = scenarios.get(scenarioId);
      if (!scenario) throw new SuiteError('unknown-scenario', `plan ${plan.id} lists unknown scenario ${scenarioId}`);
      const { end, usageError } = await runScenario(plan, scenario, config, state, redactor, emit, input.emulator);
      if (usageError) {
        usage = usageError;
        suiteError = true;
        planOutcome = 'error';
        emit({ type: 'notice', time: nowIso(), level: 'error', code: usageError.code, message: redactor.text(usageError.message) });
        break;
      }
      if (end.outcome !== 'skip') exercised = true;
      else firstSkip ??= end.reason;
      if (end.outcome === 'error') {
        suiteError = true;
        planOutcome = 'error';
      } else if (end.outcome === 'fail' && planOutcome !== 'error') planOutcome = 'fail';
      else if (end.outcome === 'inconclusive' && planOutcome === 'pass') planOutcome = 'inconclusive';
    }
    // A plan whose every scenario was skipped tested nothing: it has not passed (inconclusive, never a pass).
    if (planOutcome === 'pass' && !exercised && plan.scenarios.length > 0 && !usage) {
      planOutcome = 'inconclusive';
      const needs = `plan ${plan.id}: every scenario was skipped, so nothing was tested`;
      addBlocked(blocked, { needs, remedy: firstSkip ? `give what its scenarios lacked (first: ${firstSkip})` : 'give what its scenarios lacked' });
      emit({ type: 'notice', time: nowIso(), level: 'warning', code: 'plan-not-exercised', message: redactor.text(needs) });
    }
    emit({ type: 'plan-end', time: nowIso(), planId: plan.id, outcome: planOutcome });
  }

  const { verdict, exitCode } = runVerdict({ suiteError, failed: counts.fail, blockedMust: blocked.must });
  const end: RunEndEvent = {
    type: 'run-end',
    time: nowIso(),
    verdict,
    suiteError,
    exitCode,
    counts,
    ...(blocked.must > 0 ? { blocked } : {}),
    durationMs: Math.round(performance.now() - started),
  };
  emit(end);
  return end;
}

async function runScenario(
  plan: Plan,
  scenario: Scenario,
  config: RunConfig,
  state: PlanState,
  redactor: Redactor,
  emit: EventSink,
  emulator: ConsumerHarness | undefined,
): Promise<{ end: ScenarioEndEvent; usageError?: UsageError }> {
  emit({ type: 'scenario-start', time: nowIso(), planId: plan.id, scenarioId: scenario.id, title: scenario.title });
  const started = performance.now();
  const ended = new AbortController();
  const http = new HttpClient({
    signal: ended.signal,
    timeoutMs: config.timeoutMs,
    maxResponseBytes: config.maxResponseBytes,
    redactor,
    userAgent: `${SUITE.name}/${SUITE.version}`,
    record: (x) => emit({ type: 'http', time: nowIso(), planId: plan.id, scenarioId: scenario.id, ...x }),
  });
  const ctx = new ScenarioContext(plan.id, scenario.id, config, http, state, redactor, emit, emulator);
  let outcome: ScenarioEndEvent['outcome'];
  let reason: string | undefined;
  let usageError: UsageError | undefined;
  try {
    await withTimeout(scenario.run(ctx), config.scenarioTimeoutMs, scenario.id);
    outcome = outcomeFromCounts(ctx);
    if (outcome === 'inconclusive') reason = inconclusiveReason(ctx);
    if (outcome === 'skip' && ctx.results.counts.skip === 0) {
      outcome = 'error';
      reason = `suite error: scenario ${scenario.id} finished without making a check`;
    }
  } catch (err) {
    if (err instanceof StopScenario) {
      outcome = 'fail';
      reason = `stopped after a failed MUST (${err.checkId})`;
    } else if (err instanceof SkipScenario) {
      const c = ctx.results.counts;
      outcome = c.fail > 0 ? 'fail' : c.error > 0 ? 'error' : blockedMust(ctx).length > 0 ? 'inconclusive' : 'skip';
      reason = err.message;
    } else if (err instanceof ScenarioTimeout) {
      outcome = 'fail';
      reason = err.message;
      emit({
        type: 'check',
        time: nowIso(),
        planId: plan.id,
        scenarioId: scenario.id,
        checkId: 'scenario-time-limit',
        title: 'Scenario completes within its time limit',
        requirementIds: ['LRC-RUN-TIMEOUT'],
        severity: 'must',
        outcome: 'fail',
        message: err.message,
      });
    } else if (err instanceof UsageError) {
      outcome = 'error';
      reason = `usage error: ${err.message}`;
      usageError = err;
    } else {
      outcome = 'error';
      reason = `suite error: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  // Whatever the scenario still has in flight (past its time limit) stops now.
  ended.abort();
  ctx.close();
  const end: ScenarioEndEvent = {
    type: 'scenario-end',
    time: nowIso(),
    planId: plan.id,
    scenarioId: scenario.id,
    outcome,
    ...(reason ? { reason: redactor.text(reason) } : {}),
    durationMs: Math.round(performance.now() - started),
  };
  emit(end);
  return { end, ...(usageError ? { usageError } : {}) };
}

/** The reports' subject: the consumer in a consumer-only run (the emulators are the suite's, not the product). */
export function subjectOf(config: RunConfig): string {
  if (!config.candidate) return config.target;
  return config.consumer?.only ? config.candidate : `${config.target} and ${config.candidate}`;
}

function outcomeFromCounts(ctx: ScenarioContext): ScenarioEndEvent['outcome'] {
  const c = ctx.results.counts;
  if (c.error > 0) return 'error';
  if (c.fail > 0) return 'fail';
  // A MUST that could not run for want of data: the scenario has not passed, nor failed.
  if (blockedMust(ctx).length > 0) return 'inconclusive';
  if (c.pass + c.warning + c.info > 0) return 'pass';
  return 'skip';
}

const blockedMust = (ctx: ScenarioContext) => ctx.results.blocked.filter((b) => b.severity === 'must');

function inconclusiveReason(ctx: ScenarioContext): string {
  const list = blockedMust(ctx);
  const first = list[0]!;
  return `inconclusive: ${list.length} MUST check${list.length === 1 ? '' : 's'} could not run for want of data (${first.needs}); to finish: ${first.remedy}`;
}

/** Distinct needs and remedies are listed up to this many; the count covers them all. */
const MAX_LISTED = 5;

function newBlockedSummary(): BlockedSummary {
  return { must: 0, needs: [], remedies: [] };
}

function addBlocked(summary: BlockedSummary, b: { needs: string; remedy: string }): void {
  summary.must += 1;
  if (!summary.needs.includes(b.needs) && summary.needs.length < MAX_LISTED) summary.needs.push(b.needs);
  if (!summary.remedies.includes(b.remedy) && summary.remedies.length < MAX_LISTED) summary.remedies.push(b.remedy);
}

class ScenarioTimeout extends Error {}

async function withTimeout<T>(promise: Promise<T>, ms: number, id: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new ScenarioTimeout(`scenario ${id} did not finish within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

export type { RunEvent };

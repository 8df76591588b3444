import type { Family, EmulatorCall } from '../../../emulators/types.js';
import { runTrigger, runTriggerFunction, substitute, type TriggerResult } from '../../../emulators/trigger.js';
import type { ScenarioContext } from '../../../engine/context.js';
import { ensureCandidateFinished } from '../../../checks/consumer/ensure-candidate-finished.js';
import { SuiteError, UsageError } from '../../../engine/errors.js';
import type { FaultName } from '../../../faults/index.js';

/** Cited by every consumer scenario: the observation it may run reports how the candidate ended. */
export const OBSERVATION_REQUIREMENTS = ['LRC-CONSUMER-FINISHES'];

/** What one run of the candidate against the emulators left behind. */
export interface Observation {
  family: Family;
  fault?: FaultName;
  calls: EmulatorCall[];
  /** Absent when the candidate was not started by --trigger. */
  trigger?: TriggerResult;
}

export interface ObserveOptions {
  fault?: FaultName;
  /** Names a further run without a fault, kept apart from the plan's shared one (e.g. a second authorization). */
  run?: string;
  /** True once the scenario has seen enough (e.g. a loop after revocation): the observation ends early. */
  enough?: (calls: EmulatorCall[]) => boolean;
}

const SETTLE_MS = 300;
const POLL_MS = 200;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs the candidate once against the emulators with the fault on (or waits for it), then records
 * what it sent as http events. Observations without a fault are shared by the scenarios of a plan.
 */
export async function observe(ctx: ScenarioContext, family: Family, options: ObserveOptions = {}): Promise<Observation> {
  const key = `consumer-observation:${family}:${options.fault ?? 'none'}${options.run ? `:${options.run}` : ''}`;
  const cached = options.fault ? undefined : ctx.state.get<Observation>(key);
  if (cached) return cached;
  const harness = ctx.emulator;
  if (!harness) throw new SuiteError('no-emulator', 'consumer plans need the emulators: run them with --listen');
  const { emulator } = harness;
  const enough = options.enough;
  emulator.begin({
    ...(options.fault ? { fault: options.fault } : {}),
    onSecret: (v) => ctx.secret(v),
    ...(harness.trigger ? {} : { onCall: (c: EmulatorCall) => harness.progress(`  candidate: ${c.method} ${c.path} → ${c.status}`) }),
  });
  const faultNote = options.fault ? ` with emulator fault ${options.fault}` : options.run ? ` (${options.run})` : '';
  let trigger: TriggerResult | undefined;
  if (harness.trigger) {
    const urls = { manifest: emulator.manifestUrl, discovery: emulator.discoveryUrl, origin: emulator.origin };
    const bounds = { timeoutMs: harness.waitMs, ...(enough ? { until: () => enough(emulator.calls()) } : {}) };
    harness.progress(`${ctx.scenarioId}: running the candidate${faultNote}`);
    trigger = typeof harness.trigger === 'string'
      ? await runTrigger(substitute(harness.trigger, urls), bounds)
      : await runTriggerFunction(harness.trigger, urls, bounds);
    await sleep(SETTLE_MS);
  } else {
    harness.progress(`${ctx.scenarioId}: start the candidate against ${family === 'obc' ? emulator.manifestUrl : emulator.discoveryUrl}${faultNote} (waiting up to ${Math.round(harness.waitMs / 1000)} s)`);
    await waitForCandidate(harness.waitMs, harness.idleMs, () => emulator.calls(), enough, harness.progress);
  }
  const calls = emulator.calls();
  for (const c of calls) {
    ctx.observed({
      id: c.id,
      label: `candidate → ${c.route}`,
      request: { method: c.method, url: `${emulator.origin}${c.path}${c.query.size ? `?${c.query}` : ''}`, headers: c.headers, ...(c.body ? { body: c.body } : {}) },
      response: { status: c.status, headers: c.responseHeaders, ...(c.responseBody ? { body: c.responseBody } : {}) },
      durationMs: 0,
    });
  }
  // A command that cannot run at all is a configuration problem, not a failing candidate.
  if (trigger && calls.length === 0 && (trigger.exitCode === 126 || trigger.exitCode === 127)) {
    throw new UsageError('trigger-not-runnable', `the --trigger command could not run (exit ${trigger.exitCode}): ${trigger.lastLines.at(-1) ?? ''}`);
  }
  await ctx.should(ensureCandidateFinished, trigger, ['LRC-CONSUMER-FINISHES']);
  const observation: Observation = { family, ...(options.fault ? { fault: options.fault } : {}), calls, ...(trigger ? { trigger } : {}) };
  if (!options.fault) ctx.state.set(key, observation, ctx.scenarioId);
  return observation;
}

/** Without a trigger: ends after `idleMs` of silence once the candidate has started, or at `waitMs`. */
async function waitForCandidate(waitMs: number, idleMs: number, calls: () => EmulatorCall[], enough: ((c: EmulatorCall[]) => boolean) | undefined, say: (l: string) => void): Promise<void> {
  const started = Date.now();
  let lastNotice = started;
  for (;;) {
    await sleep(POLL_MS);
    const seen = calls();
    const now = Date.now();
    if (enough?.(seen)) return;
    const last = seen.at(-1);
    if (last && now - last.at >= idleMs) return;
    if (now - started >= waitMs) {
      say(`  no more requests after ${Math.round(waitMs / 1000)} s; judging what was received (${seen.length} request(s))`);
      return;
    }
    if (now - lastNotice >= 10_000) {
      lastNotice = now;
      say(`  waiting for the candidate… ${Math.round((waitMs - (now - started)) / 1000)} s left, ${seen.length} request(s) so far`);
    }
  }
}

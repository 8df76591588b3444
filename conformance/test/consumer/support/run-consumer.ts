/** Runs consumer plans or scenarios in process against freshly started emulators. */
import type { ConsumerHarness } from '../../../src/emulators/harness.js';
import { startEmulator, type EmulatorOptions } from '../../../src/emulators/server.js';
import type { TriggerFunction } from '../../../src/emulators/trigger.js';
import type { CheckEvent, RunEvent } from '../../../src/engine/events.js';
import { runPlans } from '../../../src/engine/run.js';
import type { Plan } from '../../../src/engine/scenario.js';
import { PLANS } from '../../../src/plans/index.js';
import { SCENARIOS } from '../../../src/scenarios/index.js';
import { testConfig, type SuiteRun } from '../../support/run-suite.js';

export interface ConsumerRunOptions {
  /** Seconds one observation may take (a looping candidate is stopped earlier by the scenario). */
  waitSeconds?: number;
  /** Limits the plan to these scenario ids (in plan order). */
  only?: string[];
  /** Sees the runner's progress lines (e.g. to start a candidate by hand when there is no trigger). */
  onProgress?: (line: string) => void;
  /** How the emulators are started (e.g. every scope offered). */
  emulator?: EmulatorOptions;
}

export async function runConsumerPlan(planId: string, trigger: string | TriggerFunction | undefined, options: ConsumerRunOptions = {}): Promise<SuiteRun & { progress: string[] }> {
  const base = PLANS.get(planId);
  if (!base) throw new Error(`unknown plan ${planId}`);
  const plan: Plan = options.only ? { ...base, scenarios: base.scenarios.filter((id) => options.only!.includes(id)) } : base;
  const emulator = await startEmulator(options.emulator);
  const progress: string[] = [];
  const waitMs = (options.waitSeconds ?? 20) * 1000;
  const harness: ConsumerHarness = { emulator, ...(trigger ? { trigger } : {}), waitMs, idleMs: 1_000, progress: (l) => { progress.push(l); options.onProgress?.(l); } };
  const events: RunEvent[] = [];
  try {
    const end = await runPlans({
      config: testConfig(emulator.manifestUrl, { plans: [plan.id], scenarioTimeoutMs: waitMs + 15_000 }),
      plans: [plan],
      scenarios: SCENARIOS,
      sink: (e) => events.push(e),
      emulator: harness,
    });
    const checks = events.filter((e): e is CheckEvent => e.type === 'check');
    return { events, end, checks, problems: checks.filter((c) => c.outcome !== 'pass' && c.outcome !== 'skip'), progress };
  } finally {
    await emulator.close();
  }
}

/** Requirement ids of the failed checks. */
export const failedRequirements = (run: SuiteRun): string[] =>
  [...new Set(run.checks.filter((c) => c.outcome === 'fail').flatMap((c) => c.requirementIds))].sort();

/** Requirement ids of the checks that warned. */
export const warnedRequirements = (run: SuiteRun): string[] =>
  [...new Set(run.checks.filter((c) => c.outcome === 'warning').flatMap((c) => c.requirementIds))].sort();

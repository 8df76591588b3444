/** Runs plans or chosen scenarios against a target in process and collects the events. */
import type { RunConfig } from '../../src/engine/config.js';
import { testConfig } from './config.js';
export { DEMO_AUTH_FIELDS, testConfig } from './config.js';
import type { CheckEvent, RunEndEvent, RunEvent } from '../../src/engine/events.js';
import { runPlans } from '../../src/engine/run.js';
import type { Plan } from '../../src/engine/scenario.js';
import { PLANS } from '../../src/plans/index.js';
import { SCENARIOS } from '../../src/scenarios/index.js';

export interface SuiteRun {
  events: RunEvent[];
  end: RunEndEvent;
  checks: CheckEvent[];
  /** Check events that did not pass (fail, warning, info, error), for assertions and messages. */
  problems: CheckEvent[];
}

/** Runs whole plans by id. */
export async function runPlanIds(manifestUrl: string, planIds: string[], overrides: Partial<RunConfig> = {}): Promise<SuiteRun> {
  const plans = planIds.map((id) => {
    const p = PLANS.get(id);
    if (!p) throw new Error(`unknown plan ${id}`);
    return p;
  });
  return run(manifestUrl, plans, overrides);
}

/** Runs a custom list of scenarios as one ad-hoc plan (setup scenarios must be listed too). */
export async function runScenarioIds(manifestUrl: string, scenarioIds: string[], overrides: Partial<RunConfig> = {}): Promise<SuiteRun> {
  const plan: Plan = { id: 'test-plan', title: 'test', summary: 'test', role: 'obc-service-provider-read', scenarios: scenarioIds };
  return run(manifestUrl, [plan], overrides);
}

async function run(manifestUrl: string, plans: Plan[], overrides: Partial<RunConfig>): Promise<SuiteRun> {
  const events: RunEvent[] = [];
  const end = await runPlans({
    config: testConfig(manifestUrl, { plans: plans.map((p) => p.id), ...overrides }),
    plans,
    scenarios: SCENARIOS,
    sink: (e) => events.push(e),
  });
  const checks = events.filter((e): e is CheckEvent => e.type === 'check');
  return { events, end, checks, problems: checks.filter((c) => c.outcome !== 'pass' && c.outcome !== 'skip') };
}

/** One-line description of problems, for readable assertion messages. */
export function describeProblems(run: SuiteRun): string {
  return run.problems.map((p) => `${p.scenarioId}/${p.checkId} [${p.outcome}] ${p.message}`).join('\n');
}

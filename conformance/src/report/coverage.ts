/**
 * Requirement coverage: which scenarios cite each requirement, and which MUSTs no scenario checks.
 * Pure functions of the catalog, scenarios and plans, so a test can remove a scenario and watch the
 * guard fail.
 */
import { DEFAULT_CLIENT, DEFAULTS, type RunConfig } from '../engine/config.js';
import type { RunEvent } from '../engine/events.js';
import { runPlans } from '../engine/run.js';
import type { Plan, Scenario } from '../engine/scenario.js';
import type { Requirement } from '../requirements/types.js';

/** Requirement id → ids of the scenarios that cite it, in the order given. */
export function citingScenarios(scenarios: readonly Scenario[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of scenarios) {
    for (const id of new Set(s.requirements)) out.set(id, [...(out.get(id) ?? []), s.id]);
  }
  return out;
}

export function isUntestable(r: Requirement): boolean {
  return typeof r.untestable === 'string' && r.untestable.trim().length > 0;
}

/**
 * MUSTs that no scenario cites and that are not declared untestable with a reason. `engineChecked`
 * lists requirements the engine itself checks around every scenario (see engineCheckedRequirements).
 */
export function uncoveredMusts(
  requirements: Iterable<Requirement>,
  scenarios: readonly Scenario[],
  engineChecked: readonly string[] = [],
): Requirement[] {
  const cited = citingScenarios(scenarios);
  const engine = new Set(engineChecked);
  return [...requirements].filter((r) => r.level === 'MUST' && !isUntestable(r) && !cited.has(r.id) && !engine.has(r.id));
}

/**
 * Requirements the engine checks on its own (the scenario time limit), found by running one scenario
 * that never finishes rather than by copying ids out of the engine.
 */
export async function engineCheckedRequirements(): Promise<string[]> {
  const stalled: Scenario = {
    id: 'probe-stalled',
    title: 'probe',
    summary: 'never finishes',
    roles: ['obc-service-provider-read'],
    requirements: [],
    run: () => new Promise<void>(() => {}),
  };
  const plan: Plan = { id: 'probe', title: 'probe', summary: 'probe', role: 'obc-service-provider-read', scenarios: [stalled.id] };
  const config: RunConfig = {
    target: 'https://probe.example.com',
    manifestUrl: 'https://probe.example.com/.well-known/badgeconnect.json',
    plans: [plan.id],
    outDir: '',
    reporters: [],
    authorize: 'auto',
    authFields: {},
    client: { ...DEFAULT_CLIENT },
    pageSize: DEFAULTS.pageSize,
    timeoutMs: 10,
    maxResponseBytes: DEFAULTS.maxResponseBytes,
    scenarioTimeoutMs: 10,
    plainHttpLoopback: false,
    runId: 'probe',
  };
  const ids = new Set<string>();
  const sink = (e: RunEvent) => {
    if (e.type === 'check') for (const id of e.requirementIds) ids.add(id);
  };
  await runPlans({ config, plans: [plan], scenarios: new Map([[stalled.id, stalled]]), sink });
  return [...ids].sort();
}

/** Scenarios of a plan that cite the requirement. */
export function planCoverage(plan: Plan, cited: Map<string, string[]>, requirementId: string): string[] {
  const inPlan = new Set(plan.scenarios);
  return (cited.get(requirementId) ?? []).filter((id) => inPlan.has(id));
}

/**
 * Folds an event stream into the shape the human reports need: plans → requirement verdicts and
 * scenarios → steps with their HTTP exchanges. Pure; shared by the HTML and Markdown reporters.
 */
import type {
  CheckEvent,
  HttpEvent,
  NoticeEvent,
  ResultOutcome,
  RunEndEvent,
  RunEvent,
  RunStartEvent,
  ScenarioEndEvent,
} from '../engine/events.js';

/** Worst first: a requirement's verdict is the worst outcome of the checks that cite it. */
export const OUTCOME_ORDER: readonly ResultOutcome[] = ['error', 'fail', 'warning', 'info', 'pass', 'skip'];

export function worstOutcome(outcomes: Iterable<ResultOutcome>): ResultOutcome | undefined {
  let best: number | undefined;
  for (const o of outcomes) {
    const i = OUTCOME_ORDER.indexOf(o);
    if (best === undefined || i < best) best = i;
  }
  return best === undefined ? undefined : OUTCOME_ORDER[best];
}

export interface ScenarioModel {
  planId: string;
  id: string;
  title: string;
  outcome: ScenarioEndEvent['outcome'] | 'incomplete';
  reason?: string;
  durationMs?: number;
  checks: CheckEvent[];
  http: HttpEvent[];
}

export interface RequirementRow {
  id: string;
  verdict: ResultOutcome;
  counts: Partial<Record<ResultOutcome, number>>;
  /** Scenarios (in plan order) whose checks cite the requirement. */
  scenarios: string[];
}

export interface PlanModel {
  id: string;
  title: string;
  outcome: 'pass' | 'fail' | 'error' | 'inconclusive' | 'incomplete';
  scenarios: ScenarioModel[];
  requirements: RequirementRow[];
}

export interface RunModel {
  start?: RunStartEvent;
  end?: RunEndEvent;
  notices: NoticeEvent[];
  plans: PlanModel[];
  counts: Record<ResultOutcome, number>;
}

export function buildModel(events: readonly RunEvent[]): RunModel {
  const plans: PlanModel[] = [];
  const notices: NoticeEvent[] = [];
  const counts: Record<ResultOutcome, number> = { pass: 0, fail: 0, warning: 0, info: 0, skip: 0, error: 0 };
  let start: RunStartEvent | undefined;
  let end: RunEndEvent | undefined;
  let plan: PlanModel | undefined;
  const planOf = (planId: string): PlanModel => {
    let p = plan && plan.id === planId ? plan : plans.find((x) => x.id === planId);
    if (!p) {
      // An event outside any plan-start (a hand-edited or truncated log): keep it visible anyway.
      p = { id: planId, title: planId, outcome: 'incomplete', scenarios: [], requirements: [] };
      plans.push(p);
    }
    return p;
  };
  const scenarioOf = (planId: string, id: string): ScenarioModel => {
    const p = planOf(planId);
    let s = p.scenarios.findLast((x) => x.id === id);
    if (!s) {
      s = { planId, id, title: id, outcome: 'incomplete', checks: [], http: [] };
      p.scenarios.push(s);
    }
    return s;
  };
  for (const e of events) {
    switch (e.type) {
      case 'run-start':
        start = e;
        break;
      case 'run-end':
        end = e;
        break;
      case 'notice':
        notices.push(e);
        break;
      case 'plan-start':
        plan = { id: e.planId, title: e.title, outcome: 'incomplete', scenarios: [], requirements: [] };
        plans.push(plan);
        break;
      case 'plan-end': {
        const p = plans.find((x) => x.id === e.planId && x.outcome === 'incomplete');
        if (p) p.outcome = e.outcome;
        break;
      }
      case 'scenario-start':
        planOf(e.planId).scenarios.push({ planId: e.planId, id: e.scenarioId, title: e.title, outcome: 'incomplete', checks: [], http: [] });
        break;
      case 'scenario-end': {
        const s = scenarioOf(e.planId, e.scenarioId);
        s.outcome = e.outcome;
        if (e.reason) s.reason = e.reason;
        s.durationMs = e.durationMs;
        break;
      }
      case 'check':
        counts[e.outcome] += 1;
        scenarioOf(e.planId, e.scenarioId).checks.push(e);
        break;
      case 'http':
        scenarioOf(e.planId, e.scenarioId).http.push(e);
        break;
      default:
        break;
    }
  }
  for (const p of plans) p.requirements = requirementRows(p.scenarios);
  return { ...(start ? { start } : {}), ...(end ? { end } : {}), notices, plans, counts };
}

function requirementRows(scenarios: readonly ScenarioModel[]): RequirementRow[] {
  const rows = new Map<string, { outcomes: ResultOutcome[]; scenarios: Set<string> }>();
  for (const s of scenarios) {
    for (const c of s.checks) {
      for (const id of c.requirementIds) {
        const row = rows.get(id) ?? { outcomes: [], scenarios: new Set<string>() };
        row.outcomes.push(c.outcome);
        row.scenarios.add(s.id);
        rows.set(id, row);
      }
    }
  }
  return [...rows].map(([id, r]) => {
    const counts: Partial<Record<ResultOutcome, number>> = {};
    for (const o of r.outcomes) counts[o] = (counts[o] ?? 0) + 1;
    return { id, verdict: worstOutcome(r.outcomes) ?? 'skip', counts, scenarios: [...r.scenarios] };
  });
}

/** The outcomes a scenario contains, for filtering: its steps' outcomes, or its own when it has none. */
export function scenarioOutcomes(s: ScenarioModel): ResultOutcome[] {
  const set = new Set<ResultOutcome>(s.checks.map((c) => c.outcome));
  if (s.outcome === 'skip' || s.outcome === 'error') set.add(s.outcome);
  if (set.size === 0) set.add(s.outcome === 'fail' ? 'fail' : 'skip');
  return OUTCOME_ORDER.filter((o) => set.has(o));
}

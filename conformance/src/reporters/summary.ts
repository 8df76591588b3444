import type { CheckEvent, NoticeEvent, ResultOutcome, RunEndEvent, RunEvent, RunStartEvent } from '../engine/events.js';

export interface SummaryCheck {
  plan: string;
  scenario: string;
  checkId: string;
  title: string;
  requirementIds: string[];
  severity: CheckEvent['severity'];
  outcome: ResultOutcome;
  message: string;
}

export interface SummaryScenario {
  plan: string;
  id: string;
  title: string;
  outcome: 'pass' | 'fail' | 'skip' | 'error';
  reason?: string;
  durationMs: number;
}

export interface Summary {
  suite: RunStartEvent['suite'] | null;
  runId: string | null;
  target: string | null;
  startedAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
  verdict: 'pass' | 'fail';
  suiteError: boolean;
  exitCode: 0 | 1 | 2;
  counts: Record<ResultOutcome, number>;
  plans: { id: string; title: string; outcome: 'pass' | 'fail' | 'error' | 'incomplete' }[];
  scenarios: SummaryScenario[];
  notices: Pick<NoticeEvent, 'level' | 'code' | 'message'>[];
  checks: SummaryCheck[];
}

/** Folds an event stream into the summary. A stream without run-end (an aborted run) is a failure. */
export function summarize(events: readonly RunEvent[]): Summary {
  const start = events.find((e): e is RunStartEvent => e.type === 'run-start');
  const end = events.find((e): e is RunEndEvent => e.type === 'run-end');
  const counts: Record<ResultOutcome, number> = { pass: 0, fail: 0, warning: 0, info: 0, skip: 0, error: 0 };
  const checks: SummaryCheck[] = [];
  const scenarios: SummaryScenario[] = [];
  const titles = new Map<string, string>();
  const plans: Summary['plans'] = [];
  const notices: Summary['notices'] = [];
  for (const e of events) {
    switch (e.type) {
      case 'plan-start':
        plans.push({ id: e.planId, title: e.title, outcome: 'incomplete' });
        break;
      case 'plan-end': {
        const p = plans.find((x) => x.id === e.planId && x.outcome === 'incomplete');
        if (p) p.outcome = e.outcome;
        break;
      }
      case 'scenario-start':
        titles.set(`${e.planId}/${e.scenarioId}`, e.title);
        break;
      case 'scenario-end':
        scenarios.push({
          plan: e.planId,
          id: e.scenarioId,
          title: titles.get(`${e.planId}/${e.scenarioId}`) ?? e.scenarioId,
          outcome: e.outcome,
          ...(e.reason ? { reason: e.reason } : {}),
          durationMs: e.durationMs,
        });
        break;
      case 'check':
        counts[e.outcome] += 1;
        checks.push({
          plan: e.planId,
          scenario: e.scenarioId,
          checkId: e.checkId,
          title: e.title,
          requirementIds: e.requirementIds,
          severity: e.severity,
          outcome: e.outcome,
          message: e.message,
        });
        break;
      case 'notice':
        notices.push({ level: e.level, code: e.code, message: e.message });
        break;
      default:
        break;
    }
  }
  const exitCode: 0 | 1 | 2 = end ? end.exitCode : 2;
  return {
    suite: start?.suite ?? null,
    runId: start?.runId ?? null,
    target: start?.target ?? null,
    startedAt: start?.time ?? null,
    endedAt: end?.time ?? null,
    durationMs: end?.durationMs ?? null,
    verdict: end?.verdict ?? 'fail',
    suiteError: end ? end.suiteError : true,
    exitCode,
    counts,
    plans,
    scenarios,
    notices,
    checks,
  };
}

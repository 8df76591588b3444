import { verdictOf } from '../engine/events.js';
import type { Blocked, BlockedSummary, CheckEvent, ExitCode, NoticeEvent, PlanEndEvent, ResultOutcome, RunEndEvent, RunEvent, RunStartEvent, RunVerdict, ScenarioEndEvent } from '../engine/events.js';

export interface SummaryCheck {
  plan: string;
  scenario: string;
  checkId: string;
  title: string;
  requirementIds: string[];
  severity: CheckEvent['severity'];
  outcome: ResultOutcome;
  message: string;
  /** A skip for want of data: what was missing and what would let the check finish. */
  blocked?: Blocked;
}

export interface SummaryScenario {
  plan: string;
  id: string;
  title: string;
  outcome: ScenarioEndEvent['outcome'];
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
  /** `error` also for a stream without run-end (an aborted run). */
  verdict: RunVerdict;
  suiteError: boolean;
  exitCode: ExitCode;
  counts: Record<ResultOutcome, number>;
  /** MUST checks skipped for want of data, when there were any. */
  blocked?: BlockedSummary;
  plans: { id: string; title: string; outcome: PlanEndEvent['outcome'] | 'incomplete' }[];
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
          ...(e.blocked ? { blocked: e.blocked } : {}),
        });
        break;
      case 'notice':
        notices.push({ level: e.level, code: e.code, message: e.message });
        break;
      default:
        break;
    }
  }
  const exitCode: ExitCode = end ? end.exitCode : 2;
  return {
    suite: start?.suite ?? null,
    runId: start?.runId ?? null,
    target: start?.target ?? null,
    startedAt: start?.time ?? null,
    endedAt: end?.time ?? null,
    durationMs: end?.durationMs ?? null,
    verdict: end ? verdictOf(end) : 'error',
    suiteError: end ? end.suiteError : true,
    exitCode,
    counts,
    ...(end?.blocked ? { blocked: end.blocked } : {}),
    plans,
    scenarios,
    notices,
    checks,
  };
}


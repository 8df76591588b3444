/**
 * The event stream is the source of truth of a run: `events.jsonl` holds one event per line and every
 * report is rendered from it. Events never carry secrets (the HTTP recorder redacts before emitting).
 */

/** RFC 2119 level the scenario attaches to a check call. */
export type Severity = 'must' | 'should' | 'may';

/** How one check call ended, after severity is applied. */
export type ResultOutcome = 'pass' | 'fail' | 'warning' | 'info' | 'skip' | 'error';

/**
 * A skip for want of data (a key, a hosted copy, a revocation list, an issuer profile that could not be
 * fetched), as opposed to a check that does not apply. `remedy` names what would let the check finish.
 */
export interface Blocked {
  needs: string;
  remedy: string;
}

/** The verdict of a whole run. `inconclusive`: no MUST failed, but at least one MUST could not run for want of data. */
export type RunVerdict = 'pass' | 'fail' | 'inconclusive' | 'error';
/** 0 pass, 1 fail, 2 usage/configuration/suite error, 3 inconclusive. */
export type ExitCode = 0 | 1 | 2 | 3;

/** The verdict of a run-end; a log written before `error` and `inconclusive` existed said `fail` for exit 2. */
export function verdictOf(end: Pick<RunEndEvent, 'verdict' | 'exitCode'>): RunVerdict {
  if (end.exitCode === 2) return 'error';
  if (end.exitCode === 3) return 'inconclusive';
  return end.verdict;
}

/** A failure beats a blocked MUST; a suite error beats both. */
export function runVerdict(x: { suiteError: boolean; failed: number; blockedMust: number }): { verdict: RunVerdict; exitCode: ExitCode } {
  if (x.suiteError) return { verdict: 'error', exitCode: 2 };
  if (x.failed > 0) return { verdict: 'fail', exitCode: 1 };
  if (x.blockedMust > 0) return { verdict: 'inconclusive', exitCode: 3 };
  return { verdict: 'pass', exitCode: 0 };
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
  /** True when the body was cut at the response size cap. */
  truncated?: boolean;
}

export interface RunStartEvent {
  type: 'run-start';
  time: string;
  runId: string;
  suite: { name: string; version: string };
  /** What the run judged: the provider, or in a consumer-only run the consumer (never the emulators' URL). */
  target: string;
  /** Consumer plans: the consumer under test, as `--candidate-name` or the trigger names it. */
  candidate?: string;
  plans: string[];
  options: Record<string, unknown>;
}
export interface PlanStartEvent {
  type: 'plan-start';
  time: string;
  planId: string;
  title: string;
  scenarios: string[];
}
export interface ScenarioStartEvent {
  type: 'scenario-start';
  time: string;
  planId: string;
  scenarioId: string;
  title: string;
}
export interface CheckEvent {
  type: 'check';
  time: string;
  planId: string;
  scenarioId: string;
  checkId: string;
  title: string;
  requirementIds: string[];
  severity: Severity;
  outcome: ResultOutcome;
  message: string;
  evidence?: Record<string, unknown>;
  /** Ids of the HTTP exchanges this check looked at. */
  httpIds?: string[];
  /** Present on a skip for want of data. */
  blocked?: Blocked;
}
export interface HttpEvent {
  type: 'http';
  time: string;
  planId: string;
  scenarioId: string;
  id: string;
  label?: string;
  request: RecordedRequest;
  response?: RecordedResponse;
  /** Transport failure: timeout, refused connection, oversized body. */
  error?: { code: string; message: string };
  durationMs: number;
}
export interface ScenarioEndEvent {
  type: 'scenario-end';
  time: string;
  planId: string;
  scenarioId: string;
  /** `inconclusive`: nothing failed, but a MUST check was skipped for want of data. */
  outcome: 'pass' | 'fail' | 'skip' | 'error' | 'inconclusive';
  reason?: string;
  durationMs: number;
}
export interface PlanEndEvent {
  type: 'plan-end';
  time: string;
  planId: string;
  outcome: 'pass' | 'fail' | 'error' | 'inconclusive';
}
export interface NoticeEvent {
  type: 'notice';
  time: string;
  level: 'info' | 'warning' | 'error';
  code: string;
  message: string;
}
export interface RunEndEvent {
  type: 'run-end';
  time: string;
  verdict: RunVerdict;
  suiteError: boolean;
  exitCode: ExitCode;
  counts: Record<ResultOutcome, number>;
  /** MUST checks skipped for want of data: how many, what they lacked, what would let them finish. */
  blocked?: BlockedSummary;
  durationMs: number;
}

export interface BlockedSummary {
  must: number;
  /** Distinct `needs`, first seen first, at most a few. */
  needs: string[];
  /** Distinct remedies (flags), first seen first. */
  remedies: string[];
}

export type RunEvent =
  | RunStartEvent
  | PlanStartEvent
  | ScenarioStartEvent
  | CheckEvent
  | HttpEvent
  | ScenarioEndEvent
  | PlanEndEvent
  | NoticeEvent
  | RunEndEvent;

export type EventSink = (event: RunEvent) => void;

export const nowIso = (): string => new Date().toISOString();

/**
 * The event stream is the source of truth of a run: `events.jsonl` holds one event per line and every
 * report is rendered from it. Events never carry secrets (the HTTP recorder redacts before emitting).
 */

/** RFC 2119 level the scenario attaches to a check call. */
export type Severity = 'must' | 'should' | 'may';

/** How one check call ended, after severity is applied. */
export type ResultOutcome = 'pass' | 'fail' | 'warning' | 'info' | 'skip' | 'error';

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
  target: string;
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
  outcome: 'pass' | 'fail' | 'skip' | 'error';
  reason?: string;
  durationMs: number;
}
export interface PlanEndEvent {
  type: 'plan-end';
  time: string;
  planId: string;
  outcome: 'pass' | 'fail' | 'error';
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
  verdict: 'pass' | 'fail';
  suiteError: boolean;
  exitCode: 0 | 1 | 2;
  counts: Record<ResultOutcome, number>;
  durationMs: number;
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

import type { ConsumerHarness } from '../emulators/harness.js';
import type { Blocked, CheckEvent, EventSink, HttpEvent, ResultOutcome, Severity } from './events.js';
import { nowIso } from './events.js';
import { SkipScenario, StopScenario, SuiteError } from './errors.js';
import type { HttpClient, HttpExchange } from './http.js';
import type { Redactor } from './redact.js';
import { DEFAULT_MISSING_DATA_REMEDY, type RunConfig } from './config.js';
import { isVerdict, type Check, type Verdict } from './verdict.js';
import { REQUIREMENTS } from '../requirements/index.js';

/** State one scenario leaves for the next ones of the same plan (manifest, client, tokens, ...). */
export class PlanState {
  private readonly values = new Map<string, { value: unknown; from: string }>();
  set<T>(key: string, value: T, from: string): void {
    this.values.set(key, { value, from });
  }
  get<T>(key: string): T | undefined {
    return this.values.get(key)?.value as T | undefined;
  }
  has(key: string): boolean {
    return this.values.has(key);
  }
  delete(key: string): void {
    this.values.delete(key);
  }
}

export interface CheckCallOptions {
  /** Exchanges this check looked at; found automatically when the input is an exchange. */
  http?: HttpExchange | HttpExchange[];
  /** Replaces the check's title in the report when one check is used for several purposes. */
  title?: string;
}

export interface ScenarioResults {
  counts: Record<ResultOutcome, number>;
  /** Checks skipped for want of data, in order. */
  blocked: (Blocked & { severity: Severity })[];
}

/** What a scenario sees: config, HTTP, shared state, and the severity-bearing check calls. */
export class ScenarioContext {
  readonly results: ScenarioResults = {
    counts: { pass: 0, fail: 0, warning: 0, info: 0, skip: 0, error: 0 },
    blocked: [],
  };

  constructor(
    readonly planId: string,
    readonly scenarioId: string,
    readonly config: RunConfig,
    readonly http: HttpClient,
    readonly state: PlanState,
    private readonly redactor: Redactor,
    private readonly sink: EventSink,
    /** Present in consumer runs: the suite's emulators and how the candidate is started. */
    readonly emulator?: ConsumerHarness,
  ) {}

  private closed = false;

  /** Called when the scenario has ended (also past its time limit): later check calls stop the scenario's code. */
  close(): void {
    this.closed = true;
  }

  /** Records an exchange the suite answered rather than sent (the emulators), redacted like every other. */
  observed(x: Omit<HttpEvent, 'type' | 'time' | 'planId' | 'scenarioId'>): void {
    if (this.closed) return;
    const r = this.redactor;
    const request = { ...x.request, url: r.url(x.request.url), headers: r.headers(x.request.headers) };
    if (x.request.body !== undefined) request.body = r.body(x.request.body, x.request.headers['content-type']);
    const response = x.response
      ? { ...x.response, headers: r.headers(x.response.headers), ...(x.response.body !== undefined ? { body: r.body(x.response.body, x.response.headers['content-type']) } : {}) }
      : undefined;
    this.sink({ type: 'http', time: nowIso(), planId: this.planId, scenarioId: this.scenarioId, ...x, request, ...(response ? { response } : {}) });
  }

  /** Marks a value as secret: it is replaced wherever it would appear in a record. */
  secret(value: string | undefined | null): void {
    this.redactor.addSecret(value);
  }

  /** MUST: a failure fails the scenario and stops it. */
  async must<I>(check: Check<I>, input: I, requirementIds: string[], options?: CheckCallOptions): Promise<Verdict> {
    const verdict = await this.call('must', check, input, requirementIds, options);
    if (verdict.outcome === 'fail') throw new StopScenario(check.id);
    return verdict;
  }

  /** MUST, but later checks still run (independent facts about one response). */
  mustContinue<I>(check: Check<I>, input: I, requirementIds: string[], options?: CheckCallOptions): Promise<Verdict> {
    return this.call('must', check, input, requirementIds, options);
  }

  /** SHOULD (or a lenient reading of an ambiguous rule): a failure is a warning. */
  should<I>(check: Check<I>, input: I, requirementIds: string[], options?: CheckCallOptions): Promise<Verdict> {
    return this.call('should', check, input, requirementIds, options);
  }

  /** MAY: a failure is information only. */
  may<I>(check: Check<I>, input: I, requirementIds: string[], options?: CheckCallOptions): Promise<Verdict> {
    return this.call('may', check, input, requirementIds, options);
  }

  /** Skips the rest of the scenario with a reason. */
  skip(reason: string): never {
    throw new SkipScenario(reason);
  }

  /** Reads state left by an earlier scenario, or skips: the dependency's failure is already reported. */
  need<T>(key: string, what: string): T {
    const value = this.state.get<T>(key);
    if (value === undefined) throw new SkipScenario(`needs ${what}, which an earlier scenario did not obtain`);
    return value;
  }

  private async call<I>(
    severity: Severity,
    check: Check<I>,
    input: I,
    requirementIds: string[],
    options: CheckCallOptions | undefined,
  ): Promise<Verdict> {
    // An abandoned scenario (past its time limit) must not add results after its end.
    if (this.closed) throw new ScenarioEnded(this.scenarioId);
    if (requirementIds.length === 0) {
      throw new SuiteError('check-without-requirement', `check ${check.id} was called without a requirement id`);
    }
    let verdict: unknown;
    try {
      verdict = await check.run(input);
    } catch (err) {
      verdict = { thrown: err instanceof Error ? err.message : String(err) };
    }
    const httpIds = exchangeIds(options?.http ?? (isExchange(input) ? input : undefined));
    if (!isVerdict(verdict)) {
      const thrown = (verdict as { thrown?: string } | undefined)?.thrown;
      this.emit({
        checkId: check.id,
        title: options?.title ?? check.title,
        requirementIds,
        severity,
        outcome: 'error',
        message: thrown
          ? `suite error: check ${check.id} threw: ${thrown}`
          : `suite error: check ${check.id} returned no verdict`,
        ...(httpIds.length ? { httpIds } : {}),
      });
      throw new SuiteError('check-no-verdict', `check ${check.id} did not return a verdict`);
    }
    const outcome = applySeverity(verdict.outcome, severity);
    const blocked = outcome === 'skip' && verdict.blocked
      ? { needs: verdict.blocked.needs, remedy: verdict.blocked.remedy ?? this.config.missingDataRemedy ?? DEFAULT_MISSING_DATA_REMEDY }
      : undefined;
    if (blocked) this.results.blocked.push({ ...blocked, severity });
    this.emit({
      checkId: check.id,
      title: options?.title ?? check.title,
      requirementIds,
      severity,
      outcome,
      message: outcome === 'warning' ? `${verdict.message}${whyOnlyAWarning(requirementIds)}` : verdict.message,
      ...(verdict.evidence ? { evidence: verdict.evidence } : {}),
      ...(httpIds.length ? { httpIds } : {}),
      ...(blocked ? { blocked } : {}),
    });
    if (SCHEMA_CHECKS.has(check.id)) this.recordOfficialVerdict(verdict, input, requirementIds, httpIds);
    return verdict;
  }

  /** With `--official-schemas`: the official schema's verdict on the same document, as information. */
  private recordOfficialVerdict(ours: Verdict, input: unknown, requirementIds: string[], httpIds: string[]): void {
    const schemaId = ours.evidence?.schemaId;
    if (!this.config.officialSchemas || typeof schemaId !== 'string' || ours.outcome === 'skip') return;
    // A check that judges more than the schema (ensure-status-info reads codeMajor too) says whether the schema alone held.
    const schemaValid = ours.evidence?.schemaValid;
    const oursValid = typeof schemaValid === 'boolean' ? schemaValid : ours.outcome === 'pass';
    // A check given an exchange validated its JSON body (a parsed document never carries a function).
    const doc = isExchange(input) && typeof input.json === 'function' ? input.json() : input;
    const official = this.config.officialSchemas.compare(schemaId, doc, oursValid);
    if (!official) return;
    this.emit({
      checkId: 'official-schema-verdict',
      title: 'Official 1EdTech schema verdict (information)',
      requirementIds,
      severity: 'may',
      outcome: official.outcome,
      message: official.message,
      evidence: official.evidence,
      ...(httpIds.length ? { httpIds } : {}),
    });
  }

  private emit(partial: Omit<CheckEvent, 'type' | 'time' | 'planId' | 'scenarioId'>): void {
    if (this.closed) return;
    this.results.counts[partial.outcome] += 1;
    // Messages and evidence may quote response fields; scrub any secret value the run has learnt.
    const message = this.redactor.text(partial.message);
    const evidence = partial.evidence
      ? (JSON.parse(this.redactor.text(JSON.stringify(partial.evidence))) as Record<string, unknown>)
      : undefined;
    const blocked = partial.blocked
      ? { needs: this.redactor.text(partial.blocked.needs), remedy: this.redactor.text(partial.blocked.remedy) }
      : undefined;
    this.sink({
      type: 'check',
      time: nowIso(),
      planId: this.planId,
      scenarioId: this.scenarioId,
      ...partial,
      message,
      ...(evidence ? { evidence } : {}),
      ...(blocked ? { blocked } : {}),
    });
  }
}

/** Thrown into the code of a scenario that has already ended, so it stops there. */
export class ScenarioEnded extends Error {
  constructor(scenarioId: string) {
    super(`scenario ${scenarioId} has already ended`);
  }
}

/**
 * Checks whose verdict rests on one of our schemas (named by `evidence.schemaId`): with `--official-schemas`
 * the official file's verdict on the same document is recorded after them.
 */
const SCHEMA_CHECKS: ReadonlySet<string> = new Set(['ensure-schema-valid', 'ensure-clr-schema', 'ensure-status-info']);

/** A MUST we reconstructed is judged as a warning; the message says so, so a vendor can weigh it. */
function whyOnlyAWarning(requirementIds: string[]): string {
  const rebuilt = requirementIds.filter((id) => {
    const r = REQUIREMENTS.get(id);
    return r?.level === 'MUST' && r.provenance === 'reconstruction';
  });
  return rebuilt.length ? ` (a warning, not a failure: ${rebuilt.join(', ')} is our reconstruction, not read in the specification)` : '';
}

export function applySeverity(outcome: Verdict['outcome'], severity: Severity): ResultOutcome {
  if (outcome !== 'fail') return outcome;
  return severity === 'must' ? 'fail' : severity === 'should' ? 'warning' : 'info';
}

function isExchange(value: unknown): value is HttpExchange {
  return (
    typeof value === 'object' &&
    value !== null &&
    'request' in value &&
    'status' in value &&
    typeof (value as { id?: unknown }).id === 'string'
  );
}

function exchangeIds(x: HttpExchange | HttpExchange[] | undefined): string[] {
  if (!x) return [];
  return (Array.isArray(x) ? x : [x]).map((e) => e.id);
}

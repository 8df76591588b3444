import { mkdirSync } from 'node:fs';
import type { RunConfig } from '../engine/config.js';
import { UsageError } from '../engine/errors.js';
import type { ExitCode, RunEndEvent, RunEvent } from '../engine/events.js';
import { nowIso } from '../engine/events.js';
import { Redactor } from '../engine/redact.js';
import { runPlans, subjectOf, SUITE } from '../engine/run.js';
import { PLANS } from '../plans/index.js';
import { openEventLog } from '../reporters/jsonl.js';
import { loadReporter, type Reporter } from '../reporters/index.js';
import { finishOutput, loadReporters, sayOutput, type CliOutput } from './output.js';
import { SCENARIOS } from '../scenarios/index.js';
import { consumerOptions, startConsumerRun, type ConsumerRun } from './consumer-run.js';
import { signRunDirectory } from '../report/commands.js';
import { ExpectedFailureFilter, entryName, type ExpectedFailure } from '../report/expected-failures.js';
import type { SigningKey } from '../report/keys.js';

/** Report-side additions to a run; all optional so programmatic callers keep the plain behaviour. */
export interface RunExtras {
  /** Known failures turned into warnings; one that passes fails the run. */
  expectedFailures?: { file: string; entries: ExpectedFailure[] };
  /** Signs the run directory after the reporters finish. */
  signingKey?: SigningKey;
  /** Shared redactor, so a caller can see which values the run treated as secret. */
  redactor?: Redactor;
  /** Where lines go (--quiet, --json); default: everything to `say`, the console reporter to stdout. */
  output?: CliOutput;
  /** GITHUB_ACTIONS and GITHUB_STEP_SUMMARY are read from here; the CLI passes process.env. */
  env?: NodeJS.ProcessEnv;
}

export interface RunOutcome {
  exitCode: ExitCode;
  outDir: string;
  files: string[];
}

/**
 * Runs the resolved plans, streaming events to events.jsonl and the reporters. A configuration problem
 * found once the run directory exists (unloadable reporter, unreachable target) is still written there.
 */
export async function runCommand(config: RunConfig, say: (line: string) => void, extras: RunExtras = {}): Promise<RunOutcome> {
  const output = extras.output ?? sayOutput(say);
  const env = extras.env ?? {};
  mkdirSync(config.outDir, { recursive: true });
  const log = openEventLog(config.outDir);
  const events: RunEvent[] = [];
  let reporters: Reporter[] = [];
  const expected = extras.expectedFailures
    ? new ExpectedFailureFilter(extras.expectedFailures.entries, extras.expectedFailures.file)
    : undefined;
  const emit = (raw: RunEvent) => {
    for (const e of expected ? expected.apply(raw) : [raw]) {
      events.push(e);
      log.write(e);
      for (const r of reporters) r.onEvent?.(e);
    }
  };
  const redactor = extras.redactor ?? new Redactor();
  for (const v of Object.values(config.authFields)) redactor.addSecret(v);
  let consumerRun: ConsumerRun | undefined;
  try {
    reporters = await loadReporters(config.reporters, output, env);
    // Consumer-only runs have no target to reach: the candidate comes to the emulators.
    if (!config.consumer?.only) await ensureReachable(config);
    // Without --trigger the candidate is started by hand, so --quiet still shows where it must connect.
    const consumerSay = output.mode.quiet && config.consumer && !config.consumer.trigger ? output.warn : output.progress;
    consumerRun = await startConsumerRun(config, consumerSay);
    const runConfig = consumerRun?.config ?? config;
    const plans = config.plans.map((id) => PLANS.get(id)!);
    await runPlans({
      config: runConfig, plans, scenarios: SCENARIOS, sink: emit, redactor, options: publicOptions(runConfig),
      ...(consumerRun ? { emulator: consumerRun.harness } : {}),
    });
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    emit({ type: 'notice', time: nowIso(), level: 'error', code: err.code, message: err.message });
    const end: RunEndEvent = {
      type: 'run-end',
      time: nowIso(),
      verdict: 'error',
      suiteError: true,
      exitCode: 2,
      counts: { pass: 0, fail: 0, warning: 0, info: 0, skip: 0, error: 0 },
      durationMs: 0,
    };
    if (!events.some((e) => e.type === 'run-start')) {
      events.unshift({
        type: 'run-start',
        time: end.time,
        runId: config.runId,
        suite: { ...SUITE },
        target: subjectOf(config),
        ...(config.candidate ? { candidate: config.candidate } : {}),
        plans: config.plans,
        options: publicOptions(config),
      });
    }
    emit(end);
  } finally {
    await consumerRun?.close();
  }
  const files = [log.file];
  for (const r of reporters.length ? reporters : [await loadReporter('json')]) {
    if (r.finish) files.push(...(await r.finish(events, config.outDir)));
  }
  if (extras.signingKey) files.push(...(await signRunDirectory(config.outDir, extras.signingKey, output.progress)));
  const end = events.find((e): e is RunEndEvent => e.type === 'run-end');
  const passing = (expected?.passing ?? []).map(
    (entry) => `expected failure now passes: ${entryName(entry)} (remove it from ${extras.expectedFailures?.file})`,
  );
  finishOutput(events, config.outDir, files, output, env, passing);
  return { exitCode: end?.exitCode ?? 2, outDir: config.outDir, files };
}

/** A target that does not answer at all is a configuration problem (exit 2), not a failed implementation. */
async function ensureReachable(config: RunConfig): Promise<void> {
  try {
    const res = await fetch(config.manifestUrl, {
      method: 'GET',
      redirect: 'manual',
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    await res.body?.cancel();
  } catch (err) {
    const e = err as { name?: string; cause?: { code?: string } };
    const why = e.name === 'TimeoutError' ? `no answer within ${config.timeoutMs} ms` : (e.cause?.code ?? 'connection failed');
    throw new UsageError('target-unreachable', `target unreachable: ${config.manifestUrl} (${why})`);
  }
}

/** The options worth recording, without auth field values. */
function publicOptions(config: RunConfig): Record<string, unknown> {
  return {
    manifestUrl: config.manifestUrl,
    authorize: config.authorize,
    authFields: Object.keys(config.authFields),
    pageSize: config.pageSize,
    timeoutMs: config.timeoutMs,
    reporters: config.reporters,
    client: { ...config.client },
    ...(config.officialSchemas ? { officialSchemas: true } : {}),
    ...consumerOptions(config),
  };
}

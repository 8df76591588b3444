import { appendFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { RunEndEvent, RunEvent } from '../engine/events.js';
import { closingLine, verdictLine } from '../reporters/console.js';
import { loadReporter, type Reporter } from '../reporters/index.js';
import { renderMarkdown } from '../reporters/markdown.js';
import { summarize } from '../reporters/summary.js';

/** `--quiet` and `--json` of `run` and `validate`. */
export interface OutputMode {
  quiet?: boolean;
  json?: boolean;
}

/**
 * Where a command's lines go. Normally all on stdout. `--json` keeps stdout for the summary alone and moves
 * every other line to stderr; `--quiet` keeps only the verdict, the closing line and errors.
 */
export interface CliOutput {
  mode: OutputMode;
  /** Progress and informational lines. */
  progress: (line: string) => void;
  /** The verdict, the closing line, lines that change the outcome. */
  result: (line: string) => void;
  /** One-line warnings about the command itself (never about the implementation). */
  warn: (line: string) => void;
  /** The line-writing reporters' sink (console progress, github annotations). */
  reporterWrite: (line: string) => void;
  /** The `--json` document. */
  json: (text: string) => void;
}

type Write = (line: string) => void;
const toStdout: Write = (l) => process.stdout.write(`${l}\n`);
const toStderr: Write = (l) => process.stderr.write(`${l}\n`);

export function createOutput(mode: OutputMode, stdout: Write = toStdout, stderr: Write = toStderr): CliOutput {
  const lines = mode.json ? stderr : stdout;
  return {
    mode,
    progress: mode.quiet ? () => undefined : lines,
    result: lines,
    warn: stderr,
    reporterWrite: lines,
    json: stdout,
  };
}

/** The old single-sink behaviour, for programmatic callers that pass only `say`. */
export function sayOutput(say: Write): CliOutput {
  return { mode: {}, progress: say, result: say, warn: say, reporterWrite: toStdout, json: say };
}

/** The reporters asked for, plus `github` inside GitHub Actions (GITHUB_ACTIONS=true). */
export function reporterNames(names: readonly string[], env: NodeJS.ProcessEnv): string[] {
  return env.GITHUB_ACTIONS === 'true' && !names.includes('github') ? [...names, 'github'] : [...names];
}

/** Loads the reporters; under --quiet the console's progress is left out (the command prints the verdict). */
export async function loadReporters(names: readonly string[], output: CliOutput, env: NodeJS.ProcessEnv): Promise<Reporter[]> {
  const wanted = reporterNames(names, env).filter((n) => !(output.mode.quiet && n === 'console'));
  return Promise.all(wanted.map((n) => loadReporter(n, { write: output.reporterWrite })));
}

/** `reports: <folder> (file, …)`: one line naming the run directory, files outside it by their path. */
export function reportsLine(outDir: string, files: readonly string[]): string {
  const dir = resolve(outDir);
  const names = files.map((f) => (dirname(resolve(f)) === dir ? basename(f) : f));
  return `reports: ${outDir}${names.length ? ` (${names.join(', ')})` : ''}`;
}

/** Appends report.md's content to $GITHUB_STEP_SUMMARY; a path that cannot be written is a warning, not a failure. */
export function appendStepSummary(events: readonly RunEvent[], env: NodeJS.ProcessEnv, warn: Write): boolean {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  try {
    appendFileSync(file, `${renderMarkdown(events)}\n`);
    return true;
  } catch (err) {
    warn(`conformance: warning: cannot append to GITHUB_STEP_SUMMARY ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}); the reports are in the run directory`);
    return false;
  }
}

/** The end of `run` and `validate`: the reports line, the job summary, the verdict lines, the --json summary. */
export function finishOutput(
  events: readonly RunEvent[],
  outDir: string,
  files: readonly string[],
  output: CliOutput,
  env: NodeJS.ProcessEnv,
  extraResults: readonly string[] = [],
): void {
  output.progress(reportsLine(outDir, files));
  appendStepSummary(events, env, output.warn);
  const end = events.find((e): e is RunEndEvent => e.type === 'run-end');
  // The closing line below already names what an inconclusive run lacked.
  if (output.mode.quiet && end) output.result(verdictLine(end));
  const last = closingLine(events);
  if (last) output.result(last);
  for (const line of extraResults) output.result(line);
  if (output.mode.json) output.json(JSON.stringify(summarize(events), null, 2));
}

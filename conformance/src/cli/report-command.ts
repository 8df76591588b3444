import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from '../engine/errors.js';
import type { ExitCode, RunEndEvent } from '../engine/events.js';
import { parseEventLog } from '../reporters/jsonl.js';
import { loadReporter } from '../reporters/index.js';
import { reportsLine } from './output.js';

/** Re-renders reports from a recorded run (a run directory or its events.jsonl) without re-running. */
export async function reportCommand(
  source: string,
  reporterNames: string[],
  out: string | undefined,
  say: (line: string) => void,
): Promise<ExitCode> {
  let file = source;
  try {
    if (statSync(source).isDirectory()) file = join(source, 'events.jsonl');
  } catch {
    throw new UsageError('report-source-missing', `no run directory or events file at ${source}`);
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError('report-source-missing', `cannot read ${file}`);
  }
  let events;
  try {
    events = parseEventLog(text);
  } catch (err) {
    throw new UsageError('report-source-malformed', `${file}: ${(err as Error).message}`);
  }
  const outDir = out ?? dirname(file);
  const written: string[] = [];
  for (const name of reporterNames) {
    const reporter = await loadReporter(name);
    if (reporter.onEvent) for (const e of events) reporter.onEvent(e);
    if (reporter.finish) written.push(...(await reporter.finish(events, outDir)));
  }
  if (written.length) say(reportsLine(outDir, written));
  const end = events.find((e): e is RunEndEvent => e.type === 'run-end');
  return end?.exitCode ?? 2;
}

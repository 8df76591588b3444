import { spawn } from 'node:child_process';

/** How the candidate's command ended; kept as evidence, never a verdict by itself. */
export interface TriggerResult {
  /** The command after placeholder substitution. */
  command: string;
  exitCode: number | null;
  signal: string | null;
  /** Still running at the time limit, so it was stopped. */
  timedOut: boolean;
  /** Stopped before the limit because the scenario had seen enough. */
  stoppedEarly: boolean;
  durationMs: number;
  /** The last lines of stdout and stderr together. */
  lastLines: string[];
  /** The final non-empty line of each stream: the two pipes interleave in arrival order, so lastLines alone cannot say which came last. */
  finalLines?: { stdout?: string; stderr?: string };
}

const finalLine = (text: string): string | undefined => text.split(/\r?\n/).filter((l) => l.trim() !== '').at(-1);

export interface TriggerOptions {
  timeoutMs: number;
  /** Polled while the command runs; true stops it early (e.g. a candidate looping after revocation). */
  until?: () => boolean;
  pollMs?: number;
  keepLines?: number;
}

/** Replaces {manifest}, {discovery} and {origin} in a trigger command. */
export function substitute(command: string, urls: { manifest: string; discovery: string; origin: string }): string {
  return command.replaceAll('{manifest}', urls.manifest).replaceAll('{discovery}', urls.discovery).replaceAll('{origin}', urls.origin);
}

const pick = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> => (value === undefined ? {} : ({ [key]: value } as Record<K, string>));

/** Runs the command through the shell in its own process group, bounded in time; never rejects. */
export function runTrigger(command: string, options: TriggerOptions): Promise<TriggerResult> {
  const started = performance.now();
  const keep = options.keepLines ?? 20;
  let tail = '';
  const streams = { stdout: '', stderr: '' };
  const child = spawn('sh', ['-c', command], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const collect = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    tail = (tail + text).slice(-16_384);
    streams[stream] = (streams[stream] + text).slice(-4_096);
  };
  child.stdout?.on('data', collect('stdout'));
  child.stderr?.on('data', collect('stderr'));
  let timedOut = false;
  let stoppedEarly = false;
  const stop = () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    setTimeout(() => {
      try {
        if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 2_000).unref();
  };
  const timer = setTimeout(() => {
    timedOut = true;
    stop();
  }, options.timeoutMs);
  const poll = options.until
    ? setInterval(() => {
        if (options.until!()) {
          stoppedEarly = true;
          stop();
        }
      }, options.pollMs ?? 100)
    : undefined;
  return new Promise((resolve) => {
    const finish = (exitCode: number | null, signal: string | null) => {
      clearTimeout(timer);
      if (poll) clearInterval(poll);
      resolve({
        command,
        exitCode,
        signal,
        timedOut: timedOut && !stoppedEarly,
        stoppedEarly,
        durationMs: Math.round(performance.now() - started),
        lastLines: tail.split(/\r?\n/).filter((l) => l.trim() !== '').slice(-keep),
        finalLines: { ...pick('stdout', finalLine(streams.stdout)), ...pick('stderr', finalLine(streams.stderr)) },
      });
    };
    child.once('error', (err) => {
      tail += `\n${err.message}`;
      finish(null, null);
    });
    child.once('close', (code, signal) => finish(code, signal));
  });
}

/** An in-process candidate (for embedding the runner): gets the URLs and a signal that ends it. */
export type TriggerFunction = (
  urls: { manifest: string; discovery: string; origin: string },
  signal: AbortSignal,
) => Promise<{ exitCode: number; lines: string[] }>;

/** Runs an in-process candidate with the same bounds and evidence as a command. */
export async function runTriggerFunction(fn: TriggerFunction, urls: { manifest: string; discovery: string; origin: string }, options: TriggerOptions): Promise<TriggerResult> {
  const started = performance.now();
  const controller = new AbortController();
  let timedOut = false;
  let stoppedEarly = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const poll = options.until
    ? setInterval(() => {
        if (options.until!()) {
          stoppedEarly = true;
          controller.abort();
        }
      }, options.pollMs ?? 100)
    : undefined;
  let exitCode: number | null = null;
  let lines: string[] = [];
  try {
    const out = await fn(urls, controller.signal);
    exitCode = out.exitCode;
    lines = out.lines;
  } catch (err) {
    lines = [err instanceof Error ? err.message : String(err)];
  } finally {
    clearTimeout(timer);
    if (poll) clearInterval(poll);
  }
  return {
    command: '(in-process candidate)',
    exitCode: controller.signal.aborted ? null : exitCode,
    signal: controller.signal.aborted ? 'SIGTERM' : null,
    timedOut: timedOut && !stoppedEarly,
    stoppedEarly,
    durationMs: Math.round(performance.now() - started),
    lastLines: lines.slice(-(options.keepLines ?? 20)),
    finalLines: pick('stdout', lines.filter((l) => l.trim() !== '').at(-1)),
  };
}

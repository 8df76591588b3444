/**
 * A counter line for long work (`validate: 120/4200 records, 3.1 s`) on stderr. On a TTY it is redrawn in
 * place; elsewhere (`--progress` into a log) it is a plain line at most once a second, so CI logs stay short.
 * A tick costs a clock read; only the throttled write touches the stream.
 */
export interface Progress {
  /** Counts `n` more records done. */
  tick(n?: number): void;
  /** Writes the final count and ends the line (every record ticked: the count is the total). */
  done(): void;
  /** Before another line goes to the terminal: wipes the drawn line, so the two do not run together. */
  clear(): void;
}

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export const NO_PROGRESS: Progress = { tick: () => undefined, done: () => undefined, clear: () => undefined };

export interface ProgressOptions {
  label: string;
  total: number;
  unit?: string;
  stream: ProgressStream;
  /** Milliseconds between writes; default 100 on a TTY, 1000 otherwise. */
  intervalMs?: number;
  clock?: () => number;
}

/** Whether to show progress: asked for, or stderr is a terminal; never under --quiet or --json. */
export function progressWanted(flags: { progress?: boolean; quiet?: boolean; json?: boolean }, stream: ProgressStream): boolean {
  if (flags.quiet || flags.json) return false;
  return flags.progress === true || stream.isTTY === true;
}

export function createProgress({ label, total, unit = 'records', stream, intervalMs, clock = () => performance.now() }: ProgressOptions): Progress {
  const tty = stream.isTTY === true;
  const every = intervalMs ?? (tty ? 100 : 1000);
  const start = clock();
  let count = 0;
  let last = start;
  let finished = false;
  let drawn = false;
  let shown = -1;
  const line = (now: number) => `${label}: ${count}/${total} ${unit}, ${((now - start) / 1000).toFixed(1)} s`;
  // No ANSI codes (the README promises none): a TTY line is padded with spaces over a longer previous one.
  let width = 0;
  const show = (now: number, end: boolean) => {
    const text = line(now);
    stream.write(tty ? `\r${text.padEnd(width)}${end ? '\n' : ''}` : `${text}\n`);
    width = text.length;
    drawn = tty && !end;
    shown = count;
  };
  return {
    tick(n = 1) {
      if (finished) return;
      count = Math.min(total, count + n);
      const now = clock();
      if (now - last < every) return;
      last = now;
      show(now, false);
    },
    done() {
      if (finished) return;
      finished = true;
      // A plain line already showing this count is not repeated; a drawn line still needs its newline.
      if (tty || shown !== count) show(clock(), true);
    },
    clear() {
      if (!drawn) return;
      stream.write(`\r${' '.repeat(width)}\r`);
      width = 0;
      drawn = false;
      // Redraw at the next tick rather than leave the counter missing for a whole interval.
      last = -Infinity;
    },
  };
}

import type { RunEvent } from '../engine/events.js';

/**
 * A reporter is a function of the event stream. `onEvent` sees events as they happen (progress);
 * `finish` gets the whole stream and writes its files into the run directory. Both are optional,
 * so `conformance report` can re-render any reporter from a recorded events.jsonl.
 */
export interface Reporter {
  name: string;
  onEvent?(event: RunEvent): void;
  finish?(events: readonly RunEvent[], outDir: string): Promise<string[]>;
}

import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunEvent } from '../engine/events.js';

/** Appends each event to events.jsonl as it happens, so an interrupted run keeps what it saw. */
export function openEventLog(outDir: string): { file: string; write(event: RunEvent): void } {
  const file = join(outDir, 'events.jsonl');
  writeFileSync(file, '');
  return {
    file,
    write(event) {
      appendFileSync(file, `${JSON.stringify(event)}\n`);
    },
  };
}

/** Reads a recorded stream back; a malformed line names its number. */
export function parseEventLog(text: string): RunEvent[] {
  const events: RunEvent[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const value = JSON.parse(line) as RunEvent;
      if (typeof value !== 'object' || value === null || typeof value.type !== 'string') throw new Error('not an event');
      events.push(value);
    } catch {
      throw new Error(`events.jsonl line ${i + 1} is not a JSON event`);
    }
  });
  return events;
}

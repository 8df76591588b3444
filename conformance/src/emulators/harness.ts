import type { Emulator } from './server.js';
import type { TriggerFunction } from './trigger.js';

/**
 * What the runner hands consumer scenarios: the running emulators, and how to bring the candidate in
 * (a trigger command run once per observation, or waiting for a candidate started by hand).
 */
export interface ConsumerHarness {
  emulator: Emulator;
  /** Command template with {manifest}, {discovery}, {origin}, or an in-process candidate; absent = wait for it. */
  trigger?: string | TriggerFunction;
  /** Upper bound of one observation (trigger run or wait). */
  waitMs: number;
  /** Without a trigger: the observation ends after this much silence following the candidate's first request. */
  idleMs: number;
  /** Console progress while waiting. */
  progress(line: string): void;
}

export const DEFAULT_WAIT_SECONDS = 120;
export const DEFAULT_IDLE_MS = 5_000;

/** Parses `host:port` for --listen (port 0 = any free port); loopback only, since the emulators speak plain http. */
export function parseListen(value: string): { host: string; port: number } | undefined {
  const m = /^(\[[0-9a-f:]+\]|[^:]+):(\d{1,5})$/i.exec(value.trim());
  if (!m) return undefined;
  const host = m[1]!.replace(/^\[|\]$/g, '');
  const port = Number(m[2]);
  if (port > 65_535) return undefined;
  if (!/^(localhost|127(?:\.\d{1,3}){3}|::1)$/i.test(host)) return undefined;
  return { host, port };
}

/** The consumer part of a run's configuration (--listen, --trigger, --wait). */
export interface ConsumerRunOptions {
  host: string;
  port: number;
  trigger?: string;
  waitMs: number;
  idleMs: number;
  /** True when every plan of the run is a consumer plan, so no --target is needed. */
  only: boolean;
}

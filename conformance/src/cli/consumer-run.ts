import type { ConsumerHarness } from '../emulators/harness.js';
import { startEmulator, type Emulator } from '../emulators/server.js';
import type { RunConfig } from '../engine/config.js';
import { UsageError } from '../engine/errors.js';

export interface ConsumerRun {
  harness: ConsumerHarness;
  /** The run's config with the emulators' origin as target when no provider target was given. */
  config: RunConfig;
  close(): Promise<void>;
}

/** Starts the emulators for a run with consumer plans and prints where the candidate must connect. */
export async function startConsumerRun(config: RunConfig, say: (line: string) => void): Promise<ConsumerRun | undefined> {
  const options = config.consumer;
  if (!options) return undefined;
  let emulator: Emulator;
  try {
    emulator = await startEmulator({ host: options.host, port: options.port });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError('listen-failed', `cannot listen on ${options.host}:${options.port} (${code})`);
  }
  say(`emulators listening at ${emulator.origin}`);
  say(`  Badge Connect manifest: ${emulator.manifestUrl}`);
  say(`  CLR discovery:          ${emulator.discoveryUrl}`);
  if (!options.trigger) say(`no --trigger: start the candidate for each scenario as prompted (each waits up to ${Math.round(options.waitMs / 1000)} s)`);
  const harness: ConsumerHarness = {
    emulator,
    ...(options.trigger ? { trigger: options.trigger } : {}),
    waitMs: options.waitMs,
    idleMs: options.idleMs,
    progress: say,
  };
  const runConfig: RunConfig = options.only
    ? // The emulators are the suite's own plain-http loopback servers: no TLS notice blames the candidate for them.
      { ...config, target: emulator.origin, manifestUrl: emulator.manifestUrl, plainHttpLoopback: false }
    : config;
  return { harness, config: runConfig, close: () => emulator.close() };
}

/** Run options worth recording for consumer runs (the trigger command itself may hold credentials). */
export function consumerOptions(config: RunConfig): Record<string, unknown> {
  const c = config.consumer;
  return c ? { consumer: { listen: `${c.host}:${c.port}`, trigger: c.trigger !== undefined, waitSeconds: c.waitMs / 1000 } } : {};
}

/** Run configuration for in-process tests: short timeouts, demo credentials, loopback allowed. */
import { randomUUID } from 'node:crypto';
import { DEFAULT_CLIENT, DEFAULTS, type RunConfig } from '../../src/engine/config.js';

export const DEMO_AUTH_FIELDS = { username: 'alice', password: 'alice-demo-password' };

export function testConfig(manifestUrl: string, overrides: Partial<RunConfig> = {}): RunConfig {
  return {
    target: manifestUrl,
    manifestUrl,
    plans: [],
    outDir: 'test-output',
    reporters: [],
    authorize: 'auto',
    authFields: { ...DEMO_AUTH_FIELDS },
    client: { ...DEFAULT_CLIENT },
    pageSize: DEFAULTS.pageSize,
    timeoutMs: 5_000,
    maxResponseBytes: DEFAULTS.maxResponseBytes,
    scenarioTimeoutMs: 20_000,
    plainHttpLoopback: true,
    runId: randomUUID(),
    ...overrides,
  };
}


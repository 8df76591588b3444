/**
 * A target with no CLR 1.0 discovery document at the usual path: the path is reconstructed (the reference
 * implementation's), so this is a warning on CLR10-DISCOVERY and a run that cannot go on (exit 2), never a
 * failure of the provider and never a pass.
 */
import { describe, expect, it } from 'vitest';
import { runPlanIds } from '../support/run-suite.js';
import { startReferenceStack } from '../support/stack.js';

describe('clr-provider without a discovery document at the target', () => {
  it('warns, names the URL and how to give another, and ends the run with exit 2', async () => {
    const stack = await startReferenceStack();
    try {
      const target = new URL('/elsewhere/ims/clr/v1p0/discovery', stack.providerOrigin).toString();
      const run = await runPlanIds(target, ['clr-provider']);
      expect(run.end.exitCode).toBe(2);
      expect(run.end.verdict).not.toBe('pass');
      expect(run.checks.filter((c) => c.outcome === 'fail')).toEqual([]);
      const warned = run.checks.filter((c) => c.outcome === 'warning');
      expect(warned.map((c) => `${c.checkId} ${c.requirementIds.join(',')}`)).toEqual(['ensure-status CLR10-DISCOVERY']);
      expect(warned[0]!.message).toMatch(/our reconstruction/);
      const ends = run.events.flatMap((e) => (e.type === 'scenario-end' ? [e] : []));
      expect(ends[0]).toMatchObject({ scenarioId: 'clr-provider-discovery', outcome: 'error' });
      expect(ends[0]!.reason).toContain(`no CLR 1.0 discovery document at ${target}`);
      expect(ends[0]!.reason).toContain('--target');
      expect(ends.slice(1).every((e) => e.outcome === 'skip')).toBe(true);
    } finally {
      await stack.close();
    }
  }, 120_000);
});

/** Self-test, positive direction: the clr-provider plan passes against the clean reference stack. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLANS } from '../../src/plans/index.js';
import { describeProblems, runPlanIds } from '../support/run-suite.js';
import { startReferenceStack, type ReferenceStack } from '../support/stack.js';
import { waitForClrApi } from './support.js';

let stack: ReferenceStack;
let discovery: string;
beforeAll(async () => {
  stack = await startReferenceStack();
  discovery = await waitForClrApi(stack.providerOrigin);
});
afterAll(() => stack?.close());

describe('clr-provider against the reference stack', () => {
  it('passes with every scenario passing and no warning', async () => {
    const run = await runPlanIds(discovery, ['clr-provider']);
    expect(run.end.exitCode, describeProblems(run)).toBe(0);
    expect(run.problems, describeProblems(run)).toEqual([]);
    const ends = run.events.filter((e) => e.type === 'scenario-end');
    expect(ends.map((e) => [e.scenarioId, e.outcome])).toEqual(PLANS.get('clr-provider')!.scenarios.map((id) => [id, 'pass']));
  }, 90_000);

  it('verifies signed and hosted CLRs for real: verification steps pass, none is skipped', async () => {
    const run = await runPlanIds(discovery, ['clr-provider']);
    const steps = run.checks.filter((c) => c.scenarioId === 'clr-provider-verify-clrs' && c.checkId === 'ensure-verification-step');
    const codes = new Set(steps.map((c) => c.title.split(': ').pop()));
    for (const code of ['signed.bad-signature', 'signed.key-not-owned', 'hosted.mismatch', 'hosted.origin-not-allowed', 'revocation.revoked']) {
      expect(codes, code).toContain(code);
    }
    expect(steps.filter((c) => c.outcome !== 'pass'), describeProblems(run)).toEqual([]);
    const fetched = run.events.filter((e) => e.type === 'http' && e.scenarioId === 'clr-provider-verify-clrs' && e.label?.startsWith('verification:'));
    expect(fetched.length).toBeGreaterThan(0);
  }, 90_000);

  it('accepts an origin as target: the discovery URL is derived from it', async () => {
    const run = await runPlanIds(stack.providerOrigin, ['clr-provider']);
    expect(run.end.exitCode, describeProblems(run)).toBe(0);
  }, 90_000);
});

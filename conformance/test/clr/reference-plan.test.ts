/** Self-test, positive direction: the clr-provider plan passes against the clean reference stack. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLR_SCOPES } from '../../src/actions/clr/constants.js';
import { ensureStatus } from '../../src/checks/http/ensure-status.js';
import type { CheckEvent, RunEvent } from '../../src/engine/events.js';
import { runPlans } from '../../src/engine/run.js';
import type { Scenario } from '../../src/engine/scenario.js';
import { PLANS } from '../../src/plans/index.js';
import { buildClr, learnerEmail } from '../../src/scenarios/clr/support/fixture-clr.js';
import { clrSession, clrToken } from '../../src/scenarios/clr/support/session.js';
import { postClr } from '../../src/scenarios/clr/support/writes.js';
import { SCENARIOS } from '../../src/scenarios/index.js';
import { describeProblems, runPlanIds, testConfig } from '../support/run-suite.js';
import { startReferenceStack, type ReferenceStack } from '../support/stack.js';
import { waitForClrApi } from './support.js';

/** Test-only: posts a suite-built Clr (it names no verification method) and leaves it listed. */
const postClrWithoutMethod: Scenario = {
  id: 'test-post-clr-without-verification',
  title: 'post a Clr with no verification method',
  summary: 'Leaves a CLR without verification in the list, so clr-provider-verify-clrs meets one.',
  roles: ['clr-service-provider'],
  requirements: ['CLR10-POST-CLR'],
  async run(ctx) {
    const s = clrSession(ctx);
    const x = await postClr(ctx, s, await clrToken(ctx, s, CLR_SCOPES.replace), buildClr(learnerEmail(ctx).email), 'POST a Clr without verification');
    await ctx.must(ensureStatus(201), x, ['CLR10-POST-CLR']);
  },
};

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
    // The seed's hosted co-curricular assertions: embedded hosted verification fetched and compared them.
    const embeddedHosted = steps.filter((c) => c.title.endsWith('embedded objects: hosted.mismatch'));
    expect(embeddedHosted.length).toBeGreaterThan(0);
    expect(fetched.some((e) => e.type === 'http' && e.request.url.includes('/public/clr/assertions/'))).toBe(true);
  }, 90_000);

  it('an embedded copy differing from its hosted document in form only (no @context, issuer in short form) passes', async () => {
    // The reference provider embeds the co-curricular assertion as CLR content and hosts the full document.
    const hostedUrl = `${stack.providerOrigin}/public/clr/assertions/alice-01-activity`;
    const hosted = (await (await fetch(hostedUrl)).json()) as Record<string, any>;
    expect(hosted['@context']).toBeDefined();
    expect(Object.keys(hosted.achievement.issuer)).toContain('publicKey');
    const run = await runPlanIds(discovery, ['clr-provider']);
    const mismatch = run.checks.filter((c) => c.scenarioId === 'clr-provider-verify-clrs' && c.title.endsWith('embedded objects: hosted.mismatch'));
    expect(mismatch.length).toBeGreaterThan(0);
    expect(mismatch.filter((c) => c.outcome !== 'pass'), describeProblems(run)).toEqual([]);
    expect(run.end.exitCode, describeProblems(run)).toBe(0);
  }, 90_000);

  it('verifies a CLR with no verification method too: method none, its own verification a skip, its embedded objects verified', async () => {
    const own = await startReferenceStack();
    try {
      const events: RunEvent[] = [];
      const ids = ['clr-provider-discovery', 'clr-provider-registration', 'clr-provider-authorization-code', 'clr-provider-get-clrs', postClrWithoutMethod.id, 'clr-provider-verify-clrs'];
      const plan = { id: 'test-plan', title: 'test', summary: 'test', role: 'clr-service-provider' as const, scenarios: ids };
      const end = await runPlans({
        config: testConfig(await waitForClrApi(own.providerOrigin), { plans: [plan.id] }),
        plans: [plan],
        scenarios: new Map([...SCENARIOS, [postClrWithoutMethod.id, postClrWithoutMethod]]),
        sink: (e) => events.push(e),
      });
      const checks = events.filter((e): e is CheckEvent => e.type === 'check' && e.scenarioId === 'clr-provider-verify-clrs');
      const none = checks.filter((c) => c.title.includes('verification method none'));
      const ownSteps = none.filter((c) => !c.title.includes('embedded objects'));
      const inner = none.filter((c) => c.title.includes('embedded objects'));
      // Only the method itself cannot be verified; the CLR's dates are still judged.
      expect(ownSteps.filter((c) => c.outcome !== 'pass').map((c) => [c.title.split(': ').pop(), c.outcome])).toEqual([['schema.invalid', 'skip']]);
      expect(ownSteps.length).toBeGreaterThan(1);
      expect(inner.map((c) => c.title.split(': ').pop())).toContain('recipient.mismatch');
      expect(inner.filter((c) => c.outcome !== 'pass')).toEqual([]);
      expect(end.exitCode).toBe(0);
    } finally {
      await own.close();
    }
  }, 90_000);

  it('accepts an origin as target: the discovery URL is derived from it', async () => {
    const run = await runPlanIds(stack.providerOrigin, ['clr-provider']);
    expect(run.end.exitCode, describeProblems(run)).toBe(0);
  }, 90_000);
});

/** Each consumer plan passes with the correct in-test consumer; each of its faults fails the right requirement. */
import { describe, expect, it } from 'vitest';
import { seedClr } from '../../src/emulators/seed-clr.js';
import { buildAssertion } from '../../src/scenarios/api/support/fixture-assertion.js';
import { describeProblems } from '../support/run-suite.js';
import { failedRequirements, runConsumerPlan, warnedRequirements } from './support/run-consumer.js';
import { SHARED_FAULT_CASES, TEST_CONSUMER_FAULT_CASES } from './support/fault-cases.js';
import { testConsumer, type TestFault } from './support/test-consumer.js';

const send = buildAssertion('learner@example.org');
const profile = { '@context': 'https://w3id.org/openbadges/v2', type: 'Profile', id: 'urn:example:learner', email: 'learner.alt@example.org' };
const read = (faults: TestFault[] = [], limit?: number) => testConsumer({ family: 'obc', faults, ...(limit ? { limit } : {}) });
const write = (faults: TestFault[] = []) => testConsumer({ family: 'obc', faults, send, profile });
/** A CLR of another college, posted in a ClrPayload by the CLR candidate. */
const sendClr = seedClr('https://college.example.org', 0);
const clr = (faults: TestFault[] = []) => testConsumer({ family: 'clr', faults, sendClr });

describe('consumer plans with a correct candidate', () => {
  // By default the manifest does not offer profile.update, so a correct candidate skips the optional POST /profile.
  it.each([
    ['obc-consumer-read', read(), false, []],
    ['obc-consumer-read', read([], 4), false, []],
    ['obc-consumer-read', read([], 100), false, []],
    ['obc-consumer-write', write(), false, ['consumer-obc-post-profile']],
    ['obc-consumer-write', write(), true, []],
    ['clr-consumer', clr(), false, []],
  ])('%s passes (every scope offered: %s)', async (planId, candidate, offerAllScopes, skipped) => {
    const run = await runConsumerPlan(planId, candidate, { emulator: { offerAllScopes } });
    expect(run.end.exitCode, describeProblems(run)).toBe(0);
    expect(run.problems, describeProblems(run)).toEqual([]);
    const ended = run.events.flatMap((e) => (e.type === 'scenario-end' ? [[e.scenarioId, e.outcome] as const] : []));
    expect(ended.filter(([, o]) => o !== 'pass').map(([id]) => id), JSON.stringify(ended)).toEqual(skipped);
    expect(ended.filter(([, o]) => o === 'skip').map(([id]) => id)).toEqual(skipped);
  });

  it('a candidate that posts no CLR has the optional postClr scenario skipped; run alone, that plan tested nothing (inconclusive)', async () => {
    const run = await runConsumerPlan('clr-consumer', testConsumer({ family: 'clr' }), { only: ['consumer-clr-post-clr'] });
    // Nothing failed, but a plan reduced to one skipped scenario has not passed either.
    expect(run.end.exitCode, describeProblems(run)).toBe(3);
    expect(run.end.counts.fail).toBe(0);
    expect(run.events.find((e) => e.type === 'scenario-end')).toMatchObject({ outcome: 'skip' });
  });
});

describe('consumer plans fail a faulty candidate on the right requirement', () => {
  const cases = [...SHARED_FAULT_CASES, ...TEST_CONSUMER_FAULT_CASES];
  it.each(cases)('%s with %s is caught in %s', async (planId, fault, scenarioId, fails, warns = []) => {
    const candidate = planId === 'clr-consumer' ? clr([fault]) : planId === 'obc-consumer-write' ? write([fault]) : read([fault]);
    const run = await runConsumerPlan(planId, candidate, { only: [scenarioId] });
    expect(run.end.exitCode, describeProblems(run)).toBe(fails.length ? 1 : 0);
    expect(failedRequirements(run), describeProblems(run)).toEqual(fails);
    expect(warnedRequirements(run), describeProblems(run)).toEqual(expect.arrayContaining(warns));
  });

  it.each([
    ['obc-consumer-read', 'consumer-obc-revoked-grant', 'OBC21-CONSUMER-REVOKED-REPORT'],
    ['clr-consumer', 'consumer-clr-revoked-grant', 'CLR10-CONSUMER-REVOKED-REPORT'],
  ])('%s: a candidate that stops but stays silent about the revoked grant gets a warning in %s', async (planId, scenarioId, requirement) => {
    const candidate = planId === 'clr-consumer' ? clr(['silent-on-failure']) : read(['silent-on-failure']);
    const run = await runConsumerPlan(planId, candidate, { only: [scenarioId] });
    expect(run.end.exitCode, describeProblems(run)).toBe(0);
    expect(failedRequirements(run)).toEqual([]);
    const warned = run.checks.filter((c) => c.outcome === 'warning').flatMap((c) => c.requirementIds);
    expect(warned).toEqual([requirement]);
  });

  it.each([
    ['obc-consumer-read', 'consumer-obc-authorize-state-fresh', 'OBC21-CONSUMER-STATE-ENTROPY'],
    ['clr-consumer', 'consumer-clr-authorize-state-fresh', 'CLR10-CONSUMER-STATE-ENTROPY'],
  ])('%s: a fresh but 32-bit state gets a warning in %s', async (planId, scenarioId, requirement) => {
    const candidate = planId === 'clr-consumer' ? clr(['short-state']) : read(['short-state']);
    const run = await runConsumerPlan(planId, candidate, { only: [scenarioId] });
    expect(run.end.exitCode, describeProblems(run)).toBe(0);
    const warned = run.checks.filter((c) => c.outcome === 'warning');
    expect(warned.flatMap((c) => c.requirementIds)).toEqual([requirement]);
    expect(warned[0]!.message).toMatch(/at most (2[0-9]|3[0-2]) bits.*estimate/);
  });

  it('a candidate that asks for a limit the provider caps, then computes offsets from it, fails pagination', async () => {
    const run = await runConsumerPlan('obc-consumer-read', read(['offset-as-page'], 100), { only: ['consumer-obc-get-assertions'] });
    expect(failedRequirements(run)).toEqual(['OBC21-CERT-consumer-pagination']);
  });

  it('warns on a candidate that reports success after its POST was refused (a reconstructed rule)', async () => {
    const run = await runConsumerPlan('obc-consumer-write', write(['ignore-post-error', 'silent-on-failure']), { only: ['consumer-obc-post-error'] });
    expect(failedRequirements(run)).toEqual([]);
    expect(warnedRequirements(run)).toEqual(['OBC21-CONSUMER-POST-ERROR']);
    expect(run.checks.find((c) => c.outcome === 'warning')?.message).toMatch(/not a failure: OBC21-CONSUMER-POST-ERROR is our reconstruction/);
  });

  it('stops observing a candidate that loops after revocation well before the wait ends', async () => {
    const started = Date.now();
    const run = await runConsumerPlan('clr-consumer', clr(['retry-forever']), { only: ['consumer-clr-revoked-grant'], waitSeconds: 25 });
    expect(warnedRequirements(run)).toContain('CLR10-CONSUMER-REVOKED-STOP');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

/** Each consumer plan passes with the correct in-test consumer; each of its faults fails the right requirement. */
import { describe, expect, it } from 'vitest';
import { buildAssertion } from '../../src/scenarios/api/support/fixture-assertion.js';
import { describeProblems } from '../support/run-suite.js';
import { failedRequirements, runConsumerPlan } from './support/run-consumer.js';
import { testConsumer, type TestFault } from './support/test-consumer.js';

const send = buildAssertion('learner@example.org');
const profile = { '@context': 'https://w3id.org/openbadges/v2', type: 'Profile', id: 'urn:example:learner', email: 'learner.alt@example.org' };
const read = (faults: TestFault[] = [], limit?: number) => testConsumer({ family: 'obc', faults, ...(limit ? { limit } : {}) });
const write = (faults: TestFault[] = []) => testConsumer({ family: 'obc', faults, send, profile });
const clr = (faults: TestFault[] = []) => testConsumer({ family: 'clr', faults });

describe('consumer plans with a correct candidate', () => {
  it.each([
    ['obc-consumer-read', read()],
    ['obc-consumer-read', read([], 4)],
    ['obc-consumer-write', write()],
    ['clr-consumer', clr()],
  ])('%s passes', async (planId, candidate) => {
    const run = await runConsumerPlan(planId, candidate);
    expect(run.end.exitCode, describeProblems(run)).toBe(0);
    expect(run.problems, describeProblems(run)).toEqual([]);
    const ended = run.events.filter((e) => e.type === 'scenario-end');
    expect(ended.every((e) => e.type === 'scenario-end' && e.outcome === 'pass'), JSON.stringify(ended)).toBe(true);
  });
});

describe('consumer plans fail a faulty candidate on the right requirement', () => {
  const cases: [string, TestFault, string, string[]][] = [
    ['obc-consumer-read', 'skip-pkce', 'consumer-obc-authorize', ['OBC21-CONSUMER-PKCE-S256']],
    ['obc-consumer-read', 'pkce-plain', 'consumer-obc-authorize', ['OBC21-CONSUMER-PKCE-S256']],
    ['obc-consumer-read', 'omit-state', 'consumer-obc-authorize', ['OBC21-CONSUMER-STATE']],
    ['obc-consumer-read', 'ignore-state-mismatch', 'consumer-obc-authorize-state-mismatch', ['OBC21-CONSUMER-STATE-CHECK']],
    ['obc-consumer-read', 'omit-software-id', 'consumer-obc-discovery-registration', ['OBC21-CONSUMER-REGISTRATION-METADATA']],
    ['obc-consumer-read', 'client-secret-post', 'consumer-obc-token', ['OBC21-CONSUMER-TOKEN-BASIC-AUTH']],
    ['obc-consumer-read', 'first-page-only', 'consumer-obc-get-assertions-paged', ['OBC21-CERT-consumer-pagination']],
    ['obc-consumer-read', 'token-in-query', 'consumer-obc-get-assertions', ['OBC21-CONSUMER-BEARER-HEADER']],
    ['obc-consumer-read', 'unoffered-scope', 'consumer-obc-authorize', ['OBC21-CONSUMER-SCOPES-OFFERED']],
    ['obc-consumer-read', 'no-refresh', 'consumer-obc-expired-token', ['OBC21-CONSUMER-REFRESH']],
    ['obc-consumer-read', 'retry-forever', 'consumer-obc-revoked-grant', ['OBC21-CONSUMER-REVOKED-STOP']],
    ['obc-consumer-write', 'ignore-post-error', 'consumer-obc-post-error', ['OBC21-CONSUMER-POST-ERROR']],
    ['obc-consumer-write', 'extension-fields', 'consumer-obc-post-assertion', ['OBC21-CERT-consumer-no-extension-fields']],
    ['clr-consumer', 'first-page-only', 'consumer-clr-get-clrs-paged', ['CLR10-CONSUMER-PAGINATION']],
    ['clr-consumer', 'ignore-state-mismatch', 'consumer-clr-authorize-state-mismatch', ['CLR10-CONSUMER-STATE-CHECK']],
    ['clr-consumer', 'no-refresh', 'consumer-clr-expired-token', ['CLR10-CONSUMER-REFRESH']],
    ['clr-consumer', 'skip-pkce', 'consumer-clr-authorize', ['CLR10-CONSUMER-PKCE-S256']],
    // Faults only the test consumer has, and the CLR side of the wallet's faults.
    ['obc-consumer-read', 'register-before-discovery', 'consumer-obc-discovery-registration', ['OBC21-CONSUMER-DISCOVERY']],
    ['obc-consumer-read', 'http-redirect-uri', 'consumer-obc-discovery-registration', ['OBC21-CONSUMER-REGISTRATION-URLS']],
    ['obc-consumer-read', 'redirect-uris-two-hosts', 'consumer-obc-discovery-registration', ['OBC21-CONSUMER-REGISTRATION-URLS']],
    ['obc-consumer-read', 'client-secret-post', 'consumer-obc-discovery-registration', ['OBC21-CONSUMER-REGISTRATION-AUTH-METHOD']],
    ['obc-consumer-read', 'omit-token-redirect-uri', 'consumer-obc-token', ['OBC21-CONSUMER-TOKEN-PARAMS']],
    ['obc-consumer-read', 'skip-profile', 'consumer-obc-get-profile', ['OBC21-CERT-consumer-read']],
    // The emulator refuses the invalid body, so the call also never succeeds.
    ['obc-consumer-write', 'invalid-payload', 'consumer-obc-post-assertion', ['OBC21-CERT-consumer-write', 'OBC21-CONSUMER-PAYLOAD-VALID']],
    ['clr-consumer', 'register-before-discovery', 'consumer-clr-discovery-registration', ['CLR10-CONSUMER-DISCOVERY']],
    ['clr-consumer', 'omit-software-id', 'consumer-clr-discovery-registration', ['CLR10-CONSUMER-REGISTRATION-METADATA']],
    ['clr-consumer', 'http-redirect-uri', 'consumer-clr-discovery-registration', ['CLR10-CONSUMER-REGISTRATION-URLS']],
    ['clr-consumer', 'client-secret-post', 'consumer-clr-discovery-registration', ['CLR10-CONSUMER-REGISTRATION-AUTH-METHOD']],
    ['clr-consumer', 'omit-state', 'consumer-clr-authorize', ['CLR10-CONSUMER-STATE']],
    ['clr-consumer', 'unoffered-scope', 'consumer-clr-authorize', ['CLR10-CONSUMER-SCOPES-OFFERED']],
    ['clr-consumer', 'client-secret-post', 'consumer-clr-token', ['CLR10-CONSUMER-TOKEN-BASIC-AUTH']],
    ['clr-consumer', 'omit-token-redirect-uri', 'consumer-clr-token', ['CLR10-CONSUMER-TOKEN-PARAMS']],
    ['clr-consumer', 'token-in-query', 'consumer-clr-get-clrs', ['CLR10-CONSUMER-BEARER-HEADER']],
  ];
  it.each(cases)('%s with %s fails in %s', async (planId, fault, scenarioId, expected) => {
    const candidate = planId === 'clr-consumer' ? clr([fault]) : planId === 'obc-consumer-write' ? write([fault]) : read([fault]);
    const run = await runConsumerPlan(planId, candidate, { only: [scenarioId] });
    expect(run.end.exitCode).toBe(1);
    expect(failedRequirements(run)).toEqual(expected);
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

  it('fails a candidate that reports success after its POST was refused', async () => {
    const run = await runConsumerPlan('obc-consumer-write', write(['ignore-post-error', 'silent-on-failure']), { only: ['consumer-obc-post-error'] });
    expect(failedRequirements(run)).toEqual(['OBC21-CONSUMER-POST-ERROR']);
  });

  it('stops observing a candidate that loops after revocation well before the wait ends', async () => {
    const started = Date.now();
    const run = await runConsumerPlan('clr-consumer', clr(['retry-forever']), { only: ['consumer-clr-revoked-grant'], waitSeconds: 25 });
    expect(failedRequirements(run)).toEqual(['CLR10-CONSUMER-REVOKED-STOP']);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

/** Without --trigger the runner prints where to connect and waits; a candidate started by hand is judged the same. */
import { describe, expect, it } from 'vitest';
import { describeProblems } from '../support/run-suite.js';
import { runConsumerPlan } from './support/run-consumer.js';
import { buildAssertion } from '../../src/scenarios/api/support/fixture-assertion.js';
import { testConsumer } from './support/test-consumer.js';

describe('consumer plan without a trigger', () => {
  it('waits for the candidate at the printed URL, judges it, and skips what only a trigger can show', async () => {
    const candidate = testConsumer({ family: 'obc', send: buildAssertion('learner@example.org') });
    const started: string[] = [];
    const run = await runConsumerPlan('obc-consumer-write', undefined, {
      only: ['consumer-obc-discovery-registration', 'consumer-obc-token', 'consumer-obc-post-error'],
      waitSeconds: 15,
      onProgress: (line) => {
        const url = /start the candidate against (\S+)/.exec(line)?.[1];
        if (!url) return;
        started.push(url);
        const origin = new URL(url).origin;
        setTimeout(() => void candidate({ manifest: url, discovery: `${origin}/ims/clr/v1p0/discovery`, origin }, new AbortController().signal), 200);
      },
    });
    expect(started).toHaveLength(2); // one shared observation without a fault, one with post-error-envelope
    expect(started[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\.well-known\/badgeconnect\.json$/);
    expect(run.progress.some((l) => l.includes('candidate: POST /oauth/register → 201'))).toBe(true);
    const outcome = (id: string) => run.events.find((e) => e.type === 'scenario-end' && e.scenarioId === id);
    expect(outcome('consumer-obc-discovery-registration'), describeProblems(run)).toMatchObject({ outcome: 'pass' });
    expect(outcome('consumer-obc-token')).toMatchObject({ outcome: 'pass' });
    expect(outcome('consumer-obc-post-error')).toMatchObject({ outcome: 'skip' });
  }, 60_000);

  it('judges an absent candidate as failing, after the bounded wait', async () => {
    const run = await runConsumerPlan('clr-consumer', undefined, { only: ['consumer-clr-authorize'], waitSeconds: 1 });
    expect(run.end.exitCode).toBe(1);
    expect(run.progress.some((l) => l.includes('no more requests after 1 s'))).toBe(true);
  });
});

/**
 * Self-tests with the reference wallet (reference/consumer) as the candidate, started through a shell
 * trigger exactly as a vendor would: each plan passes, and each wallet fault fails the right requirement.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildAssertion } from '../../src/scenarios/api/support/fixture-assertion.js';
import { describeProblems } from '../support/run-suite.js';
import { failedRequirements, runConsumerPlan } from './support/run-consumer.js';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const CLI = join(ROOT, 'reference/consumer/src/cli.ts');
const sendFile = join(mkdtempSync(join(tmpdir(), 'consumer-send-')), 'assertion.json');
writeFileSync(sendFile, JSON.stringify(buildAssertion('learner@example.org')));

function trigger(entry: '{manifest}' | '{discovery}', faults: string[] = [], send = false): string {
  const extra = [...faults.flatMap((f) => ['--fault', f]), ...(send ? ['--send', `'${sendFile}'`] : [])].join(' ');
  return `cd '${ROOT}' && node --import tsx '${CLI}' sync ${entry} --data-dir memory --timeout 20 ${extra}`;
}

describe('reference wallet as the candidate', () => {
  it.each([
    ['obc-consumer-read', trigger('{manifest}')],
    ['obc-consumer-write', trigger('{manifest}', [], true)],
    ['clr-consumer', trigger('{discovery}')],
  ])('%s passes', async (planId, command) => {
    const run = await runConsumerPlan(planId, command, { waitSeconds: 30 });
    expect(run.problems, describeProblems(run)).toEqual([]);
    expect(run.end.exitCode, describeProblems(run)).toBe(0);
  }, 120_000);

  const cases: [string, string, string, string[]][] = [
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
    ['clr-consumer', 'skip-pkce', 'consumer-clr-authorize', ['CLR10-CONSUMER-PKCE-S256']],
    ['clr-consumer', 'omit-software-id', 'consumer-clr-discovery-registration', ['CLR10-CONSUMER-REGISTRATION-METADATA']],
    ['clr-consumer', 'client-secret-post', 'consumer-clr-token', ['CLR10-CONSUMER-TOKEN-BASIC-AUTH']],
    ['clr-consumer', 'token-in-query', 'consumer-clr-get-clrs', ['CLR10-CONSUMER-BEARER-HEADER']],
    ['clr-consumer', 'no-refresh', 'consumer-clr-expired-token', ['CLR10-CONSUMER-REFRESH']],
    ['clr-consumer', 'retry-forever', 'consumer-clr-revoked-grant', ['CLR10-CONSUMER-REVOKED-STOP']],
  ];
  it.concurrent.each(cases)('%s with wallet fault %s fails in %s', async (planId, fault, scenarioId, expected) => {
    const entry = planId === 'clr-consumer' ? '{discovery}' : '{manifest}';
    const run = await runConsumerPlan(planId, trigger(entry, [fault], planId === 'obc-consumer-write'), { only: [scenarioId], waitSeconds: 30 });
    expect(failedRequirements(run), describeProblems(run)).toEqual(expected);
    expect(run.end.exitCode).toBe(1);
  }, 60_000);
});

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
import { CONSUMER_FAULT_NAMES } from '../../../reference/consumer/src/faults.js';
import { SHARED_FAULT_CASES } from './support/fault-cases.js';
import { failedRequirements, runConsumerPlan, warnedRequirements } from './support/run-consumer.js';

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

  it('every wallet fault has its expectation in the shared table', () => {
    expect(new Set(SHARED_FAULT_CASES.map((c) => c[1]))).toEqual(new Set(CONSUMER_FAULT_NAMES));
  });
  const cases = SHARED_FAULT_CASES;
  it.concurrent.each(cases)('%s with wallet fault %s is caught in %s', async (planId, fault, scenarioId, fails, warns = []) => {
    const entry = planId === 'clr-consumer' ? '{discovery}' : '{manifest}';
    const run = await runConsumerPlan(planId, trigger(entry, [fault], planId === 'obc-consumer-write'), { only: [scenarioId], waitSeconds: 30 });
    expect(failedRequirements(run), describeProblems(run)).toEqual(fails);
    expect(warnedRequirements(run), describeProblems(run)).toEqual(expect.arrayContaining(warns));
    expect(run.end.exitCode).toBe(fails.length ? 1 : 0);
  }, 60_000);
});

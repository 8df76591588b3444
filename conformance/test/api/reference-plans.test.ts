/** Self-test: both Badge Connect provider plans pass against the clean reference stack. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READ_SCENARIOS, WRITE_SCENARIOS } from '../../src/scenarios/api/index.js';
import { describeProblems, runPlanIds } from '../support/run-suite.js';
import { startReferenceStack, type ReferenceStack } from '../support/stack.js';

let stack: ReferenceStack;
beforeAll(async () => {
  stack = await startReferenceStack();
});
afterAll(async () => {
  await stack?.close();
});

describe.each([
  ['obc-provider-read', READ_SCENARIOS],
  ['obc-provider-write', WRITE_SCENARIOS],
])('%s against the reference stack', (planId, scenarios) => {
  it('passes with no failure, warning or error, and runs every API scenario to the end', async () => {
    const run = await runPlanIds(stack.manifestUrl, [planId]);
    expect(run.problems, describeProblems(run)).toEqual([]);
    expect(run.end.exitCode).toBe(0);
    const ends = new Map(run.events.flatMap((e) => (e.type === 'scenario-end' ? [[e.scenarioId, e.outcome] as const] : [])));
    for (const s of scenarios) expect(ends.get(s.id), s.id).toBe('pass');
    // No API check may skip on a clean provider: every behaviour is observable there.
    const apiIds = new Set(scenarios.map((s) => s.id));
    expect(run.checks.filter((c) => apiIds.has(c.scenarioId) && c.outcome === 'skip')).toEqual([]);
  }, 60_000);
});

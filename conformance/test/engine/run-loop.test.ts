import { describe, expect, it } from 'vitest';
import { runPlans } from '../../src/engine/run.js';
import type { RunEvent, CheckEvent, ScenarioEndEvent } from '../../src/engine/events.js';
import type { Plan, Scenario } from '../../src/engine/scenario.js';
import { fail, pass, skip, type Check } from '../../src/engine/verdict.js';
import { testConfig } from '../support/config.js';

const ok: Check<unknown> = { id: 'ensure-ok', title: 'ok', run: () => pass('fine') };
const bad: Check<unknown> = { id: 'ensure-bad', title: 'bad', run: () => fail('broken', { actual: 1 }) };
const nothing = { id: 'ensure-nothing', title: 'returns nothing', run: () => undefined } as unknown as Check<unknown>;
const throws: Check<unknown> = {
  id: 'ensure-throws',
  title: 'throws',
  run: () => {
    throw new Error('boom');
  },
};
const notApplicable: Check<unknown> = { id: 'ensure-na', title: 'na', run: () => skip('not offered') };

function scenario(id: string, run: Scenario['run']): Scenario {
  return { id, title: id, summary: id, roles: ['obc-service-provider-read'], requirements: ['X-1'], run };
}

async function runOne(...list: Scenario[]) {
  const events: RunEvent[] = [];
  const plan: Plan = { id: 'p', title: 'p', summary: 'p', role: 'obc-service-provider-read', scenarios: list.map((s) => s.id) };
  const end = await runPlans({
    config: testConfig('http://127.0.0.1:9/.well-known/badgeconnect.json', { scenarioTimeoutMs: 200 }),
    plans: [plan],
    scenarios: new Map(list.map((s) => [s.id, s])),
    sink: (e) => events.push(e),
  });
  const checks = events.filter((e): e is CheckEvent => e.type === 'check');
  const ends = events.filter((e): e is ScenarioEndEvent => e.type === 'scenario-end');
  return { end, checks, ends, events };
}

describe('severity', () => {
  it('maps a failed verdict to fail, warning or info by the level the scenario attaches', async () => {
    const r = await runOne(
      scenario('s', async (ctx) => {
        await ctx.should(bad, null, ['X-1']);
        await ctx.may(bad, null, ['X-1']);
        await ctx.mustContinue(bad, null, ['X-1']);
        await ctx.must(ok, null, ['X-1']);
      }),
    );
    expect(r.checks.map((c) => c.outcome)).toEqual(['warning', 'info', 'fail', 'pass']);
    expect(r.end).toMatchObject({ verdict: 'fail', exitCode: 1, suiteError: false });
  });

  it('stops a scenario at a failed MUST and records why', async () => {
    const r = await runOne(
      scenario('s', async (ctx) => {
        await ctx.must(bad, null, ['X-1']);
        await ctx.must(ok, null, ['X-1']);
      }),
    );
    expect(r.checks).toHaveLength(1);
    expect(r.ends[0]).toMatchObject({ outcome: 'fail', reason: expect.stringContaining('ensure-bad') });
  });

  it('passes a run whose only problems are warnings', async () => {
    const r = await runOne(scenario('s', async (ctx) => void (await ctx.should(bad, null, ['X-1']))));
    expect(r.end).toMatchObject({ verdict: 'pass', exitCode: 0 });
  });
});

describe('suite errors are not implementation failures', () => {
  it('reports a check that returns no verdict as a suite error with exit code 2', async () => {
    const r = await runOne(scenario('s', async (ctx) => void (await ctx.must(nothing, null, ['X-1']))));
    expect(r.checks[0]).toMatchObject({ outcome: 'error', message: expect.stringContaining('returned no verdict') });
    expect(r.end).toMatchObject({ exitCode: 2, suiteError: true });
  });

  it('reports a check that throws as a suite error', async () => {
    const r = await runOne(scenario('s', async (ctx) => void (await ctx.must(throws, null, ['X-1']))));
    expect(r.checks[0]).toMatchObject({ outcome: 'error', message: expect.stringContaining('boom') });
    expect(r.end.exitCode).toBe(2);
  });

  it('refuses a check call without a requirement id', async () => {
    const r = await runOne(scenario('s', async (ctx) => void (await ctx.must(ok, null, []))));
    expect(r.ends[0]?.outcome).toBe('error');
    expect(r.end.exitCode).toBe(2);
  });

  it('flags a scenario that finishes without making any check', async () => {
    const r = await runOne(scenario('s', async () => undefined));
    expect(r.ends[0]).toMatchObject({ outcome: 'error', reason: expect.stringContaining('without making a check') });
  });
});

describe('skips and dependencies', () => {
  it('records explicit skips with their reason and a skipped check as skip', async () => {
    const r = await runOne(
      scenario('a', async (ctx) => {
        await ctx.must(notApplicable, null, ['X-1']);
        ctx.skip('revocation not offered');
      }),
      scenario('b', async (ctx) => {
        ctx.need('tokens', 'an access token');
      }),
    );
    expect(r.checks[0]?.outcome).toBe('skip');
    expect(r.ends.map((e) => [e.outcome, e.reason])).toEqual([
      ['skip', 'revocation not offered'],
      ['skip', 'needs an access token, which an earlier scenario did not obtain'],
    ]);
    // Every scenario skipped: the plan tested nothing, so the run is inconclusive, never a pass.
    expect(r.end).toMatchObject({ verdict: 'inconclusive', exitCode: 3 });
  });

  it('passes state from one scenario to the next within a plan', async () => {
    const r = await runOne(
      scenario('a', async (ctx) => {
        ctx.state.set('tokens', 'T', 'a');
        await ctx.must(ok, null, ['X-1']);
      }),
      scenario('b', async (ctx) => {
        const t = ctx.need<string>('tokens', 'a token');
        await ctx.must(t === 'T' ? ok : bad, null, ['X-1']);
      }),
    );
    expect(r.ends.map((e) => e.outcome)).toEqual(['pass', 'pass']);
  });

  it('fails a scenario that exceeds its time limit', async () => {
    const r = await runOne(scenario('slow', () => new Promise(() => undefined)));
    expect(r.ends[0]?.outcome).toBe('fail');
    expect(r.checks[0]).toMatchObject({ checkId: 'scenario-time-limit', requirementIds: ['LRC-RUN-TIMEOUT'] });
  });
});

describe('redaction of check output', () => {
  it('scrubs secret values from messages and evidence', async () => {
    const leaky: Check<string> = { id: 'ensure-leaky', title: 'leaky', run: (t) => fail(`token ${t} refused`, { got: t }) };
    const r = await runOne(
      scenario('s', async (ctx) => {
        ctx.secret('super-secret-token-value');
        await ctx.should(leaky, 'super-secret-token-value', ['X-1']);
      }),
    );
    expect(JSON.stringify(r.events)).not.toContain('super-secret-token-value');
  });
});

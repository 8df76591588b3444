/**
 * The run's verdict: pass, fail, inconclusive (a MUST could not run for want of data) or error, and the
 * exit codes 0, 1, 3 and 2 that go with them. A failure beats a blocked MUST; a suite error beats both.
 */
import { describe, expect, it } from 'vitest';
import { runPlans } from '../../src/engine/run.js';
import type { CheckEvent, PlanEndEvent, RunEvent, ScenarioEndEvent } from '../../src/engine/events.js';
import type { Plan, Scenario } from '../../src/engine/scenario.js';
import { blocked, fail, isVerdict, pass, skip, type Check } from '../../src/engine/verdict.js';
import { testConfig } from '../support/config.js';

const ok: Check<unknown> = { id: 'ensure-ok', title: 'ok', run: () => pass('fine') };
const bad: Check<unknown> = { id: 'ensure-bad', title: 'bad', run: () => fail('broken') };
const noKey: Check<unknown> = {
  id: 'ensure-key',
  title: 'signature verifies',
  run: () => blocked('key not fetched', 'the signing key https://issuer.example.org/key'),
};
const noList: Check<unknown> = {
  id: 'ensure-list',
  title: 'not revoked',
  run: () => blocked('list not fetched', 'the revocation list https://issuer.example.org/rev', undefined, 'a flag of its own'),
};
const notOffered: Check<unknown> = { id: 'ensure-na', title: 'optional feature', run: () => skip('the provider does not offer it') };
const throws: Check<unknown> = {
  id: 'ensure-throws',
  title: 'throws',
  run: () => {
    throw new Error('boom');
  },
};

const scenario = (id: string, run: Scenario['run']): Scenario => ({ id, title: id, summary: id, roles: ['obc-service-provider-read'], requirements: ['X-1'], run });

async function runOne(list: Scenario[], remedy?: string) {
  const events: RunEvent[] = [];
  const plan: Plan = { id: 'p', title: 'p', summary: 'p', role: 'obc-service-provider-read', scenarios: list.map((s) => s.id) };
  const config = testConfig('http://127.0.0.1:9/.well-known/badgeconnect.json', { scenarioTimeoutMs: 500 });
  const end = await runPlans({
    config: remedy ? { ...config, missingDataRemedy: remedy } : config,
    plans: [plan],
    scenarios: new Map(list.map((s) => [s.id, s])),
    sink: (e) => events.push(e),
  });
  return {
    end,
    events,
    checks: events.filter((e): e is CheckEvent => e.type === 'check'),
    ends: events.filter((e): e is ScenarioEndEvent => e.type === 'scenario-end'),
    plan: events.find((e): e is PlanEndEvent => e.type === 'plan-end'),
  };
}

describe('inconclusive: a MUST skipped for want of data', () => {
  it('ends the run inconclusive with exit 3, naming what was missing and what would let it finish', async () => {
    const r = await runOne([scenario('s', async (ctx) => {
      await ctx.mustContinue(ok, null, ['X-1']);
      await ctx.mustContinue(noKey, null, ['X-1']);
      await ctx.mustContinue(noList, null, ['X-1']);
    })], '--allow-network');
    expect(r.checks[1]).toMatchObject({ outcome: 'skip', blocked: { needs: 'the signing key https://issuer.example.org/key', remedy: '--allow-network' } });
    // A check may name its own remedy; the run's is the default.
    expect(r.checks[2]!.blocked).toEqual({ needs: 'the revocation list https://issuer.example.org/rev', remedy: 'a flag of its own' });
    expect(r.ends[0]).toMatchObject({ outcome: 'inconclusive', reason: expect.stringContaining('--allow-network') });
    expect(r.plan?.outcome).toBe('inconclusive');
    expect(r.end).toMatchObject({
      verdict: 'inconclusive',
      exitCode: 3,
      suiteError: false,
      blocked: { must: 2, needs: ['the signing key https://issuer.example.org/key', 'the revocation list https://issuer.example.org/rev'], remedies: ['--allow-network', 'a flag of its own'] },
    });
  });

  it('lets a real failure win (exit 1), anywhere in the run', async () => {
    const r = await runOne([
      scenario('a', async (ctx) => void (await ctx.mustContinue(noKey, null, ['X-1']))),
      scenario('b', async (ctx) => void (await ctx.mustContinue(bad, null, ['X-1']))),
    ]);
    expect(r.ends.map((e) => e.outcome)).toEqual(['inconclusive', 'fail']);
    expect(r.plan?.outcome).toBe('fail');
    expect(r.end).toMatchObject({ verdict: 'fail', exitCode: 1 });
  });

  it('lets a suite error win (exit 2) over both', async () => {
    const r = await runOne([
      scenario('a', async (ctx) => void (await ctx.mustContinue(noKey, null, ['X-1']))),
      scenario('b', async (ctx) => void (await ctx.mustContinue(bad, null, ['X-1']))),
      scenario('c', async (ctx) => void (await ctx.mustContinue(throws, null, ['X-1']))),
    ]);
    expect(r.plan?.outcome).toBe('error');
    expect(r.end).toMatchObject({ verdict: 'error', exitCode: 2, suiteError: true });
  });

  it('stays inconclusive when the scenario is skipped after the blocked MUST', async () => {
    const r = await runOne([scenario('s', async (ctx) => {
      await ctx.mustContinue(noKey, null, ['X-1']);
      ctx.skip('nothing more to check without the key');
    })]);
    expect(r.ends[0]?.outcome).toBe('inconclusive');
    expect(r.end.exitCode).toBe(3);
  });

  it('does not make a run inconclusive for a SHOULD or MAY that lacked data', async () => {
    const r = await runOne([scenario('s', async (ctx) => {
      await ctx.mustContinue(ok, null, ['X-1']);
      await ctx.should(noKey, null, ['X-1']);
      await ctx.may(noKey, null, ['X-1']);
    })]);
    expect(r.checks.slice(1).map((c) => [c.outcome, c.blocked?.needs])).toEqual([['skip', expect.any(String)], ['skip', expect.any(String)]]);
    expect(r.end).toMatchObject({ verdict: 'pass', exitCode: 0 });
    expect(r.end.blocked).toBeUndefined();
  });
});

describe('a not-applicable skip', () => {
  it('does not make a run inconclusive', async () => {
    const r = await runOne([
      scenario('a', async (ctx) => {
        await ctx.mustContinue(ok, null, ['X-1']);
        await ctx.mustContinue(notOffered, null, ['X-1']);
      }),
      scenario('b', async (ctx) => void ctx.skip('the provider has no revocation endpoint')),
    ]);
    expect(r.checks[1]).toMatchObject({ outcome: 'skip' });
    expect(r.checks[1]!.blocked).toBeUndefined();
    expect(r.ends.map((e) => e.outcome)).toEqual(['pass', 'skip']);
    expect(r.end).toMatchObject({ verdict: 'pass', exitCode: 0 });
  });

  it('makes a plan whose every scenario was skipped inconclusive: nothing was tested, so it has not passed', async () => {
    const r = await runOne([
      scenario('a', async (ctx) => void ctx.skip('needs getClrs, which answered 404 at the usual path')),
      scenario('b', async (ctx) => void (await ctx.mustContinue(notOffered, null, ['X-1']))),
    ]);
    expect(r.plan?.outcome).toBe('inconclusive');
    expect(r.events.find((e) => e.type === 'notice' && e.code === 'plan-not-exercised')).toMatchObject({ message: expect.stringContaining('plan p: every scenario was skipped') });
    expect(r.end).toMatchObject({ verdict: 'inconclusive', exitCode: 3, blocked: { remedies: [expect.stringContaining('needs getClrs')] } });
  });
});

describe('suite error verdict', () => {
  it('says error, not fail, on the run-end event', async () => {
    const r = await runOne([scenario('s', async (ctx) => void (await ctx.must(throws, null, ['X-1'])))]);
    expect(r.end).toMatchObject({ verdict: 'error', exitCode: 2, suiteError: true });
  });
});

describe('verdict shape', () => {
  it('accepts `blocked` only on a skip', () => {
    expect(isVerdict(blocked('m', 'a key'))).toBe(true);
    expect(isVerdict({ outcome: 'pass', message: 'm', blocked: { needs: 'a key' } })).toBe(false);
    expect(isVerdict({ outcome: 'skip', message: 'm', blocked: { needs: 3 } })).toBe(false);
  });
});

describe('verification steps: want of data versus not applicable', () => {
  it('a step that lacked a fetched document is blocked; a CLR naming no verification method is a plain skip', async () => {
    const { ensureVerificationStep, missingData } = await import('../../src/checks/clr/ensure-verification-step.js');
    const keyStep = { code: 'signed.key-unavailable', outcome: 'unverifiable' as const, message: 'signing key unavailable: https://i.example.org/k: not-allowed: network access is not allowed', evidence: { creator: 'https://i.example.org/k' } };
    const v = await ensureVerificationStep('signed.key-unavailable', 'Assertion').run({ status: 'unverifiable', method: 'signed', steps: [keyStep] });
    expect(v).toMatchObject({ outcome: 'skip', blocked: { needs: 'the signing key https://i.example.org/k' } });
    const none = { code: 'schema.invalid', outcome: 'unverifiable' as const, message: 'the CLR names no verification method' };
    const n = await ensureVerificationStep('schema.invalid', 'Clr').run({ status: 'unverifiable', method: 'none', steps: [none] });
    expect(n.outcome).toBe('skip');
    expect(n.blocked).toBeUndefined();
    expect(missingData({ code: 'hosted.origin-not-allowed', outcome: 'unverifiable', message: 'no policy and the issuer id is not an http(s) URL' })).toBeUndefined();
    expect(missingData({ code: 'hosted.origin-not-allowed', outcome: 'unverifiable', message: 'a.b: issuer profile unavailable: x', evidence: { path: 'a.b' } })?.needs).toBe('the issuer profile, for its verification policy (for a.b)');
  });

  it('the OBC signature check with no key served is blocked (a SHOULD: it never makes a run inconclusive)', async () => {
    const { ensureSignedAssertionSignature } = await import('../../src/checks/obc/ensure-signed-assertion-signature.js');
    const jws = `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.c2ln`;
    const v = await ensureSignedAssertionSignature.run({ jws, publicKeyPem: undefined, keyUrl: 'https://i.example.org/k' });
    expect(v).toMatchObject({ outcome: 'skip', blocked: { needs: 'the signing key https://i.example.org/k' } });
  });
});

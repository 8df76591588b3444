/** Self-test: both Badge Connect provider plans pass against the clean reference stack. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READ_SCENARIOS, WRITE_SCENARIOS } from '../../src/scenarios/api/index.js';
import type { SuppliedAssertion } from '../../src/engine/config.js';
import { startForeignIssuer, type ForeignIssuer } from '../support/foreign-issuer.js';
import { describeProblems, runPlanIds } from '../support/run-suite.js';
import { startReferenceStack, type ReferenceStack } from '../support/stack.js';

/** The demo user the suite signs in as (DEMO_AUTH_FIELDS). */
const TEST_USER_EMAIL = 'alice@example.com';

let stack: ReferenceStack;
let issuer: ForeignIssuer;
let n = 0;
/** Two assertions the test user does not hold yet (each run creates one): hosted, then signed. */
const fresh = async (): Promise<SuppliedAssertion[]> => [await issuer.supplied(TEST_USER_EMAIL, ++n, 'hosted'), await issuer.supplied(TEST_USER_EMAIL, ++n, 'signed')];
beforeAll(async () => {
  stack = await startReferenceStack();
  // What a vendor gives the write plan: assertions of its own issuer, hosted and signed, for the test user.
  issuer = await startForeignIssuer();
});
afterAll(async () => {
  await stack?.close();
  await issuer?.close();
});

describe.each([
  ['obc-provider-read', READ_SCENARIOS],
  ['obc-provider-write', WRITE_SCENARIOS],
])('%s against the reference stack', (planId, scenarios) => {
  it('passes with no failure, warning or error, and runs every API scenario to the end', async () => {
    const run = await runPlanIds(stack.manifestUrl, [planId], { postAssertions: await fresh() });
    expect(run.problems, describeProblems(run)).toEqual([]);
    expect(run.end.exitCode).toBe(0);
    const ends = new Map(run.events.flatMap((e) => (e.type === 'scenario-end' ? [[e.scenarioId, e.outcome] as const] : [])));
    for (const s of scenarios) expect(ends.get(s.id), s.id).toBe('pass');
    // No API check may skip on a clean provider: every behaviour is observable there.
    const apiIds = new Set(scenarios.map((s) => s.id));
    expect(run.checks.filter((c) => apiIds.has(c.scenarioId) && c.outcome === 'skip')).toEqual([]);
  }, 60_000);
});

/** Every POST /assertions body the suite sent in a run, with the scenario that sent it. */
function postedBodies(run: Awaited<ReturnType<typeof runPlanIds>>): { scenarioId: string; body: Record<string, any> }[] {
  return run.events.flatMap((e) => {
    if (e.type !== 'http' || e.request.method !== 'POST' || !e.request.url.endsWith('/assertions')) return [];
    try {
      return [{ scenarioId: e.scenarioId ?? '', body: JSON.parse(e.request.body ?? '') as Record<string, any> }];
    } catch {
      return [];
    }
  });
}

describe('obc-provider-write posts only what a verifying provider can accept', () => {
  it('a supplied assertion that does not verify is not posted, one out of reach and refused leaves creation untested: inconclusive, never a failure', async () => {
    const old = { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'urn:uuid:7d1c9a52-3f4e-4b6a-9c8d-0e1f2a3b4c5d', recipient: { type: 'email', hashed: false, identity: TEST_USER_EMAIL }, badge: `${issuer.origin}/badge`, verification: { type: 'HostedBadge' }, issuedOn: '2025-06-01T12:00:00Z' };
    const unhosted = { ...old, id: `${issuer.origin}/assertions/never-published` };
    for (const [doc, message] of [
      [old, /does not verify: .*hosted\.fetch-failed/],
      [unhosted, /refused .* as INVALID_BADGE, and the suite could not verify it either/],
    ] as const) {
      const postAssertions = [{ source: 'test file', id: doc.id, doc, payload: { assertion: doc } }];
      const run = await runPlanIds(stack.manifestUrl, ['obc-provider-write'], { postAssertions });
      expect(run.problems, describeProblems(run)).toEqual([]);
      const end = run.events.find((e) => e.type === 'scenario-end' && e.scenarioId === 'provider-post-assertion');
      expect(end).toMatchObject({ outcome: 'inconclusive' });
      expect(JSON.stringify(end)).toMatch(message);
      expect(run.end).toMatchObject({ verdict: 'inconclusive', exitCode: 3 });
      // The one that does not verify is posted by no scenario.
      if (doc === old) expect(postedBodies(run).filter((p) => p.body.assertion?.id === old.id)).toEqual([]);
    }
  }, 60_000);

  it('without supplied assertions: creation is left open saying how to supply one (inconclusive, exit 3), the update re-posts a listed one, and nothing fails', async () => {
    const run = await runPlanIds(stack.manifestUrl, ['obc-provider-write']);
    expect(run.problems, describeProblems(run)).toEqual([]);
    const end = run.events.find((e) => e.type === 'scenario-end' && e.scenarioId === 'provider-post-assertion');
    expect(end).toMatchObject({ outcome: 'inconclusive' });
    expect(JSON.stringify(end)).toMatch(/--post-assertion <file>/);
    expect(run.end.blocked?.remedies).toEqual([expect.stringContaining('--post-assertion <file>')]);
    const ends = new Map(run.events.flatMap((e) => (e.type === 'scenario-end' ? [[e.scenarioId, e.outcome] as const] : [])));
    expect(ends.get('provider-post-assertion-update')).toBe('pass');
    expect(ends.get('provider-post-assertion-scope')).toBe('pass');
    expect(run.end).toMatchObject({ verdict: 'inconclusive', exitCode: 3, counts: { fail: 0 } });
  }, 60_000);

  it('never posts a hosted assertion whose id is not an HTTP(S) URL, outside the deliberately invalid ones', async () => {
    const supplied = await fresh();
    const run = await runPlanIds(stack.manifestUrl, ['obc-provider-write'], { postAssertions: supplied });
    const posts = postedBodies(run);
    expect(posts.length).toBeGreaterThan(3);
    // The supplied ones are posted (hosted to create, signed for the refusals), and the old shape only as a broken base.
    expect(posts.some((p) => p.scenarioId === 'provider-post-assertion' && p.body.assertion?.id === supplied[0]!.id)).toBe(true);
    expect(posts.some((p) => p.scenarioId === 'provider-post-assertion-scope' && typeof p.body.signedAssertion === 'string')).toBe(true);
    expect(posts.filter((p) => String(p.body.assertion?.id).startsWith('urn:uuid:')).map((p) => p.scenarioId)).toContain('provider-post-assertion-invalid');
    for (const { scenarioId, body } of posts) {
      const a = body.assertion;
      const hostedWithoutUrl = a && typeof a === 'object' && a.verification?.type === 'HostedBadge' && !/^https?:\/\//.test(String(a.id));
      // The invalid scenario posts the old shape only with a required property removed, to be refused.
      if (hostedWithoutUrl) expect([scenarioId, a.recipient === undefined || a.badge === undefined]).toEqual(['provider-post-assertion-invalid', true]);
    }
  }, 60_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRegistry, SchemaIds } from '../../../schemas/src/registry.js';
import { foreignAssertion, publish } from './helpers/badges.js';
import { ALICE, API, BOB, startProvider, type TestProvider } from './helpers/provider.js';

let p: TestProvider;
beforeAll(async () => {
  p = await startProvider();
});
afterAll(() => p.close());

type Body = { status: { statusCode: number; statusText: string; error: string | null }; profile?: Record<string, unknown> };

const getProfile = async (token: string) => {
  const res = await p.call(`${API}/profile`, { token });
  return { res, body: (await res.json()) as Body };
};
const postProfile = async (token: string, json: unknown) => {
  const res = await p.call(`${API}/profile`, { method: 'POST', token, json });
  return { res, body: (await res.json()) as Body };
};

describe('GET /profile', () => {
  it('returns the token user\u2019s seeded profile', async () => {
    const { res, body } = await getProfile(p.token(BOB));
    expect(res.status).toBe(200);
    expect(body).toEqual({
      status: { statusCode: 200, statusText: 'OK', error: null },
      profile: { '@context': 'https://w3id.org/openbadges/v2', id: BOB.id, type: 'Profile', name: BOB.name, email: BOB.email },
    });
    expect(getRegistry().validate(SchemaIds.obc.getProfile200, body).errors).toEqual([]);
  });
});

describe('POST /profile', () => {
  it('adds a new email and url, keeps the old values, and answers like GET', async () => {
    const token = p.token(ALICE);
    const r = await postProfile(token, { id: ALICE.id, type: 'Profile', email: 'alice.work@example.org', url: 'https://example.org/~alice' });
    expect(r.res.status).toBe(200);
    expect(getRegistry().validate(SchemaIds.obc.postProfile200, r.body).errors).toEqual([]);
    expect(r.body.profile?.email).toEqual([ALICE.email, 'alice.work@example.org']);
    expect(r.body.profile?.url).toBe('https://example.org/~alice');
    expect((await getProfile(token)).body.profile).toEqual(r.body.profile);
    // Adding the same value again changes nothing.
    const again = await postProfile(token, { id: ALICE.id, type: 'Profile', email: 'ALICE.WORK@example.org' });
    expect(again.body.profile?.email).toEqual([ALICE.email, 'alice.work@example.org']);
  });

  it('lets assertions for a newly added email be posted', async () => {
    const token = p.token(BOB);
    const assertion = publish(p.published, foreignAssertion('bob.second@example.org', 900));
    const before = await p.call(`${API}/assertions`, { method: 'POST', token, json: { assertion } });
    expect(before.status).toBe(400);
    await postProfile(token, { id: BOB.id, type: 'Profile', email: 'bob.second@example.org' });
    const after = await p.call(`${API}/assertions`, { method: 'POST', token, json: { assertion } });
    expect(after.status).toBe(200);
  });

  it('refuses telephone numbers with BAD_REQUEST (cannot verify them)', async () => {
    const { res, body } = await postProfile(p.token(ALICE), { id: ALICE.id, type: 'Profile', telephone: '+15555550100' });
    expect(res.status).toBe(400);
    expect(body.status.statusText).toBe('BAD_REQUEST');
    expect(body.status.error).toMatch(/telephone/);
  });

  it.each([
    ['missing type', { id: ALICE.id, email: 'x@example.org' }],
    ['missing id', { type: 'Profile', email: 'x@example.org' }],
    ['bad email', { id: ALICE.id, type: 'Profile', email: 'not-an-email' }],
    ['unknown term', { id: ALICE.id, type: 'Profile', nickname: 'al' }],
    ['array body', []],
  ])('refuses an invalid profile (%s) with REQUEST_VALIDATION_ERROR', async (_n, json) => {
    const { res, body } = await postProfile(p.token(ALICE), json);
    expect(res.status).toBe(400);
    expect(body.status.statusText).toBe('REQUEST_VALIDATION_ERROR');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRegistry, SchemaIds } from '../../../schemas/src/registry.js';
import { decodeCompactJws } from '../src/badges/jws.js';
import { FOREIGN_BADGE, foreignAssertion, hashedRecipient, publish, signedForeignAssertion, signForeign } from './helpers/badges.js';
import { ALICE, API, BOB, startProvider, type TestProvider } from './helpers/provider.js';

let p: TestProvider;
let alice: string;
beforeAll(async () => {
  p = await startProvider();
  alice = p.token(ALICE);
});
afterAll(() => p.close());

type Body = { status: { statusCode: number; statusText: string; error: string | null } };

/** A foreign hosted assertion its issuer publishes at its id, so the provider can verify it. */
const hosted = (email: string, n: number, extra: Record<string, unknown> = {}) => publish(p.published, foreignAssertion(email, n, extra));

async function post(json: unknown, token = alice) {
  const res = await p.call(`${API}/assertions`, { method: 'POST', token, json });
  const body = (await res.json()) as Body;
  return { res, body };
}

async function listAll(token = alice) {
  const res = await p.call(`${API}/assertions?limit=100`, { token });
  const body = (await res.json()) as { assertions?: Record<string, unknown>[]; signedAssertions?: string[] };
  return { total: Number(res.headers.get('x-total-count')), assertions: body.assertions ?? [], signed: body.signedAssertions ?? [] };
}

const expectError = (r: { res: Response; body: Body }, code: number, text: string) => {
  expect(r.res.status).toBe(code);
  expect(r.body.status.statusCode).toBe(code);
  expect(r.body.status.statusText).toBe(text);
  expect(getRegistry().validate(SchemaIds.obc.errorResponse, r.body).errors).toEqual([]);
};

describe('POST /assertions', () => {
  it('stores a new assertion, which then heads the list', async () => {
    const before = await listAll();
    const r = await post({ assertion: hosted(ALICE.email, 1) });
    expect(r.res.status).toBe(200);
    expect(r.body).toEqual({ status: { statusCode: 200, statusText: 'OK', error: null } });
    expect(getRegistry().validate(SchemaIds.obc.postAssertion200, r.body).errors).toEqual([]);
    const after = await listAll();
    expect(after.total).toBe(before.total + 1);
    expect(after.assertions[0]).toEqual(foreignAssertion(ALICE.email, 1));
  });

  it('replaces an assertion posted again with the same id, moving it to the top', async () => {
    await post({ assertion: hosted(ALICE.email, 2) });
    await post({ assertion: hosted(ALICE.email, 3) });
    const before = await listAll();
    expect(before.assertions[0]?.id).toBe('https://example.org/assertions/3');
    // The issuer changed its hosted copy; the holder posts the new version.
    const changed = hosted(ALICE.email, 2, { narrative: 'Updated narrative' });
    expect((await post({ assertion: changed })).res.status).toBe(200);
    const after = await listAll();
    expect(after.total).toBe(before.total);
    expect(after.assertions.filter((a) => a.id === changed.id)).toHaveLength(1);
    expect(after.assertions[0]).toEqual(changed);
  });

  it('re-accepts one of our own hosted assertions unchanged, but not an altered copy', async () => {
    const ours = (await listAll()).assertions.find((a) => String(a.id).startsWith(`${p.origin}/public/assertions/`));
    expect(ours).toBeDefined();
    expect((await post({ assertion: ours })).res.status).toBe(200);
    expectError(await post({ assertion: { ...ours, issuedOn: '2020-01-01T00:00:00Z' } }), 400, 'INVALID_BADGE');
  });

  it('matches a hashed recipient with its salt', async () => {
    const r = await post({ assertion: hosted(ALICE.email, 4, { recipient: hashedRecipient(ALICE.email, 'pepper') }) });
    expect(r.res.status).toBe(200);
  });

  it('refuses an assertion for someone else with RECIPIENT_PROFILE_MISMATCH', async () => {
    expectError(await post({ assertion: hosted(BOB.email, 5) }), 400, 'RECIPIENT_PROFILE_MISMATCH');
    expectError(
      await post({ assertion: hosted(ALICE.email, 6, { recipient: hashedRecipient(BOB.email, 'x') }) }),
      400,
      'RECIPIENT_PROFILE_MISMATCH',
    );
    expect((await listAll()).assertions.some((a) => a.id === 'https://example.org/assertions/5')).toBe(false);
  });

  it('refuses a hosted assertion whose id is not an HTTP(S) URL (the conformance suite\u2019s old fixture)', async () => {
    // What the suite used to post: HostedBadge, a fresh urn:uuid id, badge and issuer embedded under example.org.
    const old = {
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'Assertion',
      id: 'urn:uuid:4f9a2c1e-0d3b-4e5f-8a7b-6c5d4e3f2a1b',
      recipient: { type: 'email', hashed: false, identity: ALICE.email },
      badge: {
        type: 'BadgeClass',
        id: 'https://example.org/conformance/badges/badge-connect-write',
        name: 'Badge Connect Write Conformance',
        description: 'Awarded to show that a Badge Connect provider stores posted assertions.',
        image: 'https://example.org/conformance/badges/badge-connect-write.png',
        criteria: { narrative: 'Posted by the conformance suite during a certification run.' },
        issuer: { type: 'Issuer', id: 'https://example.org/conformance/issuer', name: 'Test Issuer', url: 'https://example.org/', email: 'issuer@example.org' },
      },
      verification: { type: 'HostedBadge' },
      issuedOn: '2025-06-01T12:00:00Z',
    };
    const r = await post({ assertion: old });
    expectError(r, 400, 'INVALID_BADGE');
    expect(r.body.status.error).toMatch(/hosted\.fetch-failed/);
    expect((await listAll()).assertions.some((a) => a.id === old.id)).toBe(false);
  });

  it('refuses a foreign hosted assertion nobody hosts at its id', async () => {
    const r = await post({ assertion: foreignAssertion(ALICE.email, 40) });
    expectError(r, 400, 'INVALID_BADGE');
    expect(r.body.status.error).toMatch(/could not be verified \(hosted\.fetch-failed/);
  });

  it('refuses a foreign hosted assertion whose hosted copy is different data, accepts one differing in form only', async () => {
    hosted(ALICE.email, 41);
    const other = await post({ assertion: foreignAssertion(ALICE.email, 41, { issuedOn: '2025-06-02T12:00:00Z' }) });
    expectError(other, 400, 'INVALID_BADGE');
    expect(other.body.status.error).toMatch(/hosted\.mismatch/);
    // The badge class embedded instead of given by IRI: the same assertion as data.
    const { '@context': _c, ...badge } = p.published.get(FOREIGN_BADGE) as Record<string, unknown>;
    const same = await post({ assertion: foreignAssertion(ALICE.email, 41, { badge }) });
    expect(same.res.status, JSON.stringify(same.body)).toBe(200);
    // The stored copy is the hosted one, not the posted form.
    expect((await listAll()).assertions.find((a) => a.id === 'https://example.org/assertions/41')).toEqual(p.published.get('https://example.org/assertions/41'));
  });

  it('refuses a foreign hosted assertion on a host outside its issuer\u2019s policy', async () => {
    const elsewhere = foreignAssertion(ALICE.email, 42, { id: 'https://badges.example.net/assertions/42' });
    publish(p.published, elsewhere);
    const r = await post({ assertion: elsewhere });
    expectError(r, 400, 'INVALID_BADGE');
    expect(r.body.status.error).toMatch(/hosted\.origin-not-allowed/);
  });

  it('refuses a hosted assertion that its host answers 410 Gone for', async () => {
    const gone = await startProvider({ published: new Map(p.published) });
    try {
      const assertion = foreignAssertion(ALICE.email, 43);
      gone.published.set(String(assertion.id), { revoked: true, revocationReason: 'Issued in error.' });
      const res = await gone.call(`${API}/assertions`, { method: 'POST', token: gone.token(ALICE), json: { assertion } });
      expect(res.status).toBe(400);
      expect(((await res.json()) as Body).status.error).toMatch(/hosted\.revoked/);
    } finally {
      await gone.close();
    }
  });

  const invalidBadges: [string, Record<string, unknown>][] = [
    ['missing badge', (({ badge: _b, ...rest }) => rest)(foreignAssertion(ALICE.email, 10))],
    ['issuedOn without time zone', foreignAssertion(ALICE.email, 11, { issuedOn: '2025-06-01T12:00:00' })],
    ['issuedOn in the future', foreignAssertion(ALICE.email, 12, { issuedOn: '2999-01-01T00:00:00Z' })],
    ['wrong type', foreignAssertion(ALICE.email, 13, { type: 'BadgeClass' })],
    ['undefined JSON-LD term', foreignAssertion(ALICE.email, 14, { favouriteColour: 'blue' })],
    ['relative JSON-LD type', foreignAssertion(ALICE.email, 15, { type: ['Assertion', 'NotATerm'] })],
    ['expired', foreignAssertion(ALICE.email, 16, { expires: '2025-06-02T00:00:00Z' })],
    ['revoked', foreignAssertion(ALICE.email, 17, { revoked: true })],
    ['SignedBadge posted unsigned', signedForeignAssertion(ALICE.email, 18)],
    ['unhashed identity that looks like a hash', foreignAssertion(ALICE.email, 19, { recipient: { type: 'email', hashed: false, identity: 'sha256$' + 'a'.repeat(64) } })],
  ];
  it.each(invalidBadges)('refuses an invalid badge (%s) with INVALID_BADGE', async (_name, assertion) => {
    expectError(await post({ assertion }), 400, 'INVALID_BADGE');
    expect((await listAll()).assertions.some((a) => a.id === assertion.id)).toBe(false);
  });

  const badEnvelopes: [string, unknown][] = [
    ['empty object', {}],
    ['array', [foreignAssertion(ALICE.email, 20)]],
    ['unknown property', { assertion: foreignAssertion(ALICE.email, 21), extra: true }],
    ['signedAssertion not a string', { signedAssertion: 42 }],
    ['signedAssertion not a JWS', { signedAssertion: 'not a jws' }],
    ['assertion not an object', { assertion: 'https://example.org/assertions/22' }],
    ['both null', { assertion: null, signedAssertion: null }],
    ['a JSON string', 'hello'],
  ];
  it.each(badEnvelopes)('refuses a bad envelope (%s) with REQUEST_VALIDATION_ERROR', async (_name, json) => {
    expectError(await post(json), 400, 'REQUEST_VALIDATION_ERROR');
  });

  it('refuses unparsable JSON and non-JSON bodies with BAD_REQUEST', async () => {
    const broken = await p.call(`${API}/assertions`, {
      method: 'POST',
      token: alice,
      headers: { 'content-type': 'application/json' },
      body: '{"assertion": ',
    });
    expectError({ res: broken, body: (await broken.json()) as Body }, 400, 'BAD_REQUEST');
    const form = await p.call(`${API}/assertions`, {
      method: 'POST',
      token: alice,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'assertion=x',
    });
    expectError({ res: form, body: (await form.json()) as Body }, 400, 'BAD_REQUEST');
  });

  it('refuses a body over 100 kB with 413 in the envelope', async () => {
    const big = foreignAssertion(ALICE.email, 23, { narrative: 'x'.repeat(110 * 1024) });
    const r = await post({ assertion: big });
    expect(r.res.status).toBe(413);
    expect(r.body.status.statusCode).toBe(413);
    expect(getRegistry().validate(SchemaIds.obc.errorResponse, r.body).errors).toEqual([]);
  });
});

describe('POST /assertions with signedAssertion', () => {
  it('verifies and re-accepts one of our signed assertions; it stays listed once, signed', async () => {
    const before = await listAll();
    const jws = before.signed[0] as string;
    expect((await post({ signedAssertion: jws })).res.status).toBe(200);
    const after = await listAll();
    expect(after.total).toBe(before.total);
    expect(after.signed[0]).toBe(jws);
    expect(after.signed.filter((s) => s === jws)).toHaveLength(1);
  });

  it('refuses our signed assertion with a broken signature', async () => {
    const jws = (await listAll()).signed[0] as string;
    const [h, pl, s] = jws.split('.') as [string, string, string];
    const sig = Buffer.from(s, 'base64url');
    sig[10] = (sig[10] ?? 0) ^ 1;
    expectError(await post({ signedAssertion: `${h}.${pl}.${sig.toString('base64url')}` }), 400, 'INVALID_BADGE');
  });

  it('refuses a payload altered after signing', async () => {
    const jws = (await listAll()).signed[0] as string;
    const [h, , s] = jws.split('.') as [string, string, string];
    const payload = decodeCompactJws(jws)?.payload as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...payload, issuedOn: '2020-01-01T00:00:00Z' })).toString('base64url');
    expectError(await post({ signedAssertion: `${h}.${forged}.${s}` }), 400, 'INVALID_BADGE');
  });

  it('verifies a foreign signed assertion under the key its issuer publishes and lists it as signed', async () => {
    const jws = await signForeign(signedForeignAssertion(ALICE.email, 30));
    expect((await post({ signedAssertion: jws })).res.status).toBe(200);
    expect((await listAll()).signed[0]).toBe(jws);
  });

  it('ignores the unsigned assertion when both are present', async () => {
    const jws = await signForeign(signedForeignAssertion(ALICE.email, 31));
    const r = await post({ assertion: hosted(ALICE.email, 32), signedAssertion: jws });
    expect(r.res.status).toBe(200);
    const all = await listAll();
    expect(all.signed[0]).toBe(jws);
    expect(all.assertions.some((a) => a.id === 'https://example.org/assertions/32')).toBe(false);
    // and an invalid unsigned one does not spoil a valid signed one
    const jws2 = await signForeign(signedForeignAssertion(ALICE.email, 33));
    expect((await post({ assertion: { type: 'nonsense' }, signedAssertion: jws2 })).res.status).toBe(200);
  });

  it('refuses signed payloads that are not valid assertions, use another algorithm or claim our key', async () => {
    expectError(await post({ signedAssertion: await signForeign(foreignAssertion(ALICE.email, 34)) }), 400, 'INVALID_BADGE');
    expectError(await post({ signedAssertion: await signForeign({ hello: 'world' }) }), 400, 'INVALID_BADGE');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(signedForeignAssertion(ALICE.email, 35))).toString('base64url')}.AAAA`;
    expectError(await post({ signedAssertion: none }), 400, 'INVALID_BADGE');
    const claimsOurs = signedForeignAssertion(ALICE.email, 36);
    claimsOurs.verification = { type: 'SignedBadge', creator: `${p.origin}/public/keys/rsa-unknown` };
    expectError(await post({ signedAssertion: await signForeign(claimsOurs) }), 400, 'INVALID_BADGE');
  });

  it('refuses a foreign signed assertion under a key its issuer does not publish', async () => {
    const r = await post({ signedAssertion: await signForeign(signedForeignAssertion(ALICE.email, 38), 'unpublished') });
    expectError(r, 400, 'INVALID_BADGE');
    expect(r.body.status.error).toMatch(/signed\.bad-signature/);
  });

  it('refuses a foreign signed assertion when its issuer cannot be reached', async () => {
    const offline = await startProvider({ published: new Map() });
    try {
      const jws = await signForeign(signedForeignAssertion(ALICE.email, 39));
      const res = await offline.call(`${API}/assertions`, { method: 'POST', token: offline.token(ALICE), json: { signedAssertion: jws } });
      expect(res.status).toBe(400);
      expect(((await res.json()) as Body).status).toMatchObject({ statusText: 'INVALID_BADGE', error: expect.stringMatching(/could not be verified/) });
    } finally {
      await offline.close();
    }
  });

  it('checks the signed payload\u2019s recipient too', async () => {
    const jws = await signForeign(signedForeignAssertion(BOB.email, 37));
    expectError(await post({ signedAssertion: jws }), 400, 'RECIPIENT_PROFILE_MISMATCH');
  });
});

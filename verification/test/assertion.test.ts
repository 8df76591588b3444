// OB 2.0 assertion verification: one valid issuer, then named mutations each with its exact code.
import { beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, verifyAssertion, verifyEndorsement, type Fetcher, type VerificationResult } from '../src/index.js';
import { documents, hashEmail, keys, LEARNER_EMAIL, NOW, publishedTree, sign, tamper, writeTree, type Documents, type Keys } from './fixtures.js';

const BASE = 'https://issuer.example.org/';
let k: Keys;
let d: Documents;
let dir: string;
let fetcher: Fetcher;

beforeAll(async () => {
  k = await keys();
  d = documents(BASE, { issuer: k.issuer.pem, foreign: k.foreign.pem });
  dir = await writeTree({
    ...publishedTree(d),
    'assertions/revoked.json': { '@context': d.issuer['@context'], id: d.u('assertions/revoked.json'), revoked: true, revocationReason: 'Cheating.' },
    'other/1.json': d.assertion('https://other.example.com/other/1.json', { type: 'HostedBadge' }),
  });
  fetcher = createFetcher({
    allowNetwork: false,
    resolve: [
      { prefix: BASE, dir },
      { prefix: 'https://other.example.com/', dir },
    ],
  });
});

const opts = () => ({ fetcher, now: NOW });
const stepOf = (r: VerificationResult, code: string) => r.steps.find((s) => s.code === code);
/** The result has a step with this code and outcome, and (for fail) the overall status is failed. */
function expectStep(r: VerificationResult, code: string, outcome: 'pass' | 'fail' | 'unverifiable') {
  expect(stepOf(r, code)?.outcome, JSON.stringify(r.steps, null, 1)).toBe(outcome);
  if (outcome === 'fail') expect(r.status).toBe('failed');
}
function expectVerified(r: VerificationResult) {
  expect(r.steps.filter((s) => s.outcome !== 'pass')).toEqual([]);
  expect(r.status).toBe('verified');
}

describe('hosted OB 2.0 assertions', () => {
  it('verifies the valid hosted assertion', async () => {
    const r = await verifyAssertion(d.hosted, opts());
    expectVerified(r);
    expect(r.method).toBe('hosted');
    for (const code of ['schema.invalid', 'hosted.fetch-failed', 'hosted.mismatch', 'hosted.revoked', 'hosted.origin-not-allowed', 'validity.expired', 'validity.issued-in-future']) {
      expectStep(r, code, 'pass');
    }
    expect(r.document).toEqual(d.hosted);
  });

  it('ignores key order when comparing the presented and hosted copies', async () => {
    const reordered = Object.fromEntries(Object.entries(d.hosted).reverse());
    expectVerified(await verifyAssertion(reordered, opts()));
  });

  it('hosted mismatch: the presented copy differs from the hosted one → hosted.mismatch', async () => {
    const r = await verifyAssertion({ ...d.hosted, issuedOn: '2025-01-01T00:00:00Z' }, opts());
    expectStep(r, 'hosted.mismatch', 'fail');
    expect(stepOf(r, 'hosted.mismatch')?.evidence?.['differing']).toEqual(['issuedOn']);
    expect(r.document?.['issuedOn']).toBe(d.hosted['issuedOn']); // the fetched copy is authoritative
  });

  it('hosted copy says revoked: true → hosted.revoked', async () => {
    const r = await verifyAssertion({ ...d.hosted, id: d.u('assertions/revoked.json') }, opts());
    expectStep(r, 'hosted.revoked', 'fail');
  });

  it('hosted 410 → hosted.gone', async () => {
    const gone: Fetcher = async (url) =>
      url === d.hosted['id'] ? { ok: true, url, status: 410, contentType: 'application/json', body: '{"revoked":true}' } : fetcher(url);
    const r = await verifyAssertion(d.hosted, { fetcher: gone, now: NOW });
    expectStep(r, 'hosted.gone', 'fail');
  });

  it('origin not allowed: hosted on a host outside the issuer policy → hosted.origin-not-allowed', async () => {
    const r = await verifyAssertion(d.assertion('https://other.example.com/other/1.json', { type: 'HostedBadge' }), opts());
    expectStep(r, 'hosted.mismatch', 'pass');
    expectStep(r, 'hosted.origin-not-allowed', 'fail');
  });

  it('startsWith policy is enforced', async () => {
    const strict = { ...d.issuer, verification: { type: 'VerificationObject', startsWith: d.u('assertions/strict/') } };
    const badge = { ...d.badge, issuer: strict };
    const presented = { ...d.hosted, badge };
    const own = await writeTree({ 'assertions/1.json': presented });
    const f = createFetcher({ allowNetwork: false, resolve: [{ prefix: d.u('assertions/'), dir: `${own}/assertions` }, { prefix: BASE, dir: '/nonexistent' }] });
    const r = await verifyAssertion(presented, { fetcher: f, now: NOW });
    expectStep(r, 'hosted.origin-not-allowed', 'fail');
  });

  it('hosted copy that cannot be fetched → hosted.fetch-failed unverifiable, never verified', async () => {
    const r = await verifyAssertion({ ...d.hosted, id: d.u('assertions/missing.json') }, opts());
    expectStep(r, 'hosted.fetch-failed', 'unverifiable');
    expect(r.status).toBe('unverifiable');
  });

  it('badge class unavailable → the origin policy step is unverifiable', async () => {
    const presented = { ...d.hosted, badge: d.u('badges/missing.json') };
    const own = await writeTree({ 'assertions/1.json': presented });
    const f = createFetcher({ allowNetwork: false, resolve: [{ prefix: d.u('assertions/'), dir: `${own}/assertions` }] });
    const r = await verifyAssertion(presented, { fetcher: f, now: NOW });
    expectStep(r, 'hosted.origin-not-allowed', 'unverifiable');
    expect(r.status).toBe('unverifiable');
  });

  it('schema failure → schema.invalid', async () => {
    const { recipient: _dropped, ...noRecipient } = d.hosted;
    const r = await verifyAssertion(noRecipient, opts());
    expectStep(r, 'schema.invalid', 'fail');
  });

  it('signed badge presented as JSON cannot be verified', async () => {
    const r = await verifyAssertion(d.signed, opts());
    expectStep(r, 'signed.malformed', 'unverifiable');
    expect(r.status).toBe('unverifiable');
  });
});

describe('signed OB 2.0 assertions', () => {
  it('verifies the valid signed assertion', async () => {
    const r = await verifyAssertion(await sign(d.signed, k.issuer.privateKey), opts());
    expectVerified(r);
    expect(r.method).toBe('signed');
    for (const code of ['signed.malformed', 'signed.unsupported-alg', 'signed.payload-invalid', 'signed.key-unavailable', 'signed.bad-signature', 'signed.key-not-owned', 'revocation.revoked']) {
      expectStep(r, code, 'pass');
    }
  });

  it('finds the key through the issuer publicKey when creator is absent', async () => {
    const r = await verifyAssertion(await sign({ ...d.signed, verification: { type: 'SignedBadge' } }, k.issuer.privateKey), opts());
    expectVerified(r);
  });

  it('tampered: payload changed after signing → signed.bad-signature', async () => {
    const jws = tamper(await sign(d.signed, k.issuer.privateKey), (p) => ({ ...p, issuedOn: '2026-01-16T10:00:00Z' }));
    expectStep(await verifyAssertion(jws, opts()), 'signed.bad-signature', 'fail');
  });

  it('foreign key: signed with a key the issuer does not list → signed.key-not-owned', async () => {
    const payload = { ...d.signed, verification: { type: 'SignedBadge', creator: d.u('keys/foreign.json') } };
    const r = await verifyAssertion(await sign(payload, k.foreign.privateKey), opts());
    expectStep(r, 'signed.bad-signature', 'pass');
    expectStep(r, 'signed.key-not-owned', 'fail');
  });

  it('foreign owner: the key document names another owner → signed.key-not-owned', async () => {
    const own = await writeTree({ 'keys/1.json': { ...d.key, owner: 'https://elsewhere.example.com/issuer' } });
    const f = createFetcher({ allowNetwork: false, resolve: [{ prefix: d.u('keys/'), dir: `${own}/keys` }, { prefix: BASE, dir }] });
    const r = await verifyAssertion(await sign(d.signed, k.issuer.privateKey), { fetcher: f, now: NOW });
    expectStep(r, 'signed.key-not-owned', 'fail');
  });

  it('expired → validity.expired', async () => {
    const r = await verifyAssertion(await sign({ ...d.signed, expires: '2026-03-01T00:00:00Z' }, k.issuer.privateKey), opts());
    expectStep(r, 'validity.expired', 'fail');
  });

  it('expires before it was issued → validity.expired', async () => {
    const r = await verifyAssertion(await sign({ ...d.signed, expires: '2026-01-01T00:00:00Z', issuedOn: '2026-01-15T00:00:00Z' }, k.issuer.privateKey), {
      fetcher,
      now: new Date('2025-12-01T00:00:00Z'),
    });
    expectStep(r, 'validity.expired', 'fail');
  });

  it('issued in the future → validity.issued-in-future', async () => {
    const r = await verifyAssertion(await sign({ ...d.signed, issuedOn: '2027-01-01T00:00:00Z' }, k.issuer.privateKey), opts());
    expectStep(r, 'validity.issued-in-future', 'fail');
  });

  it('revoked: listed in the issuer revocation list → revocation.revoked', async () => {
    const r = await verifyAssertion(await sign({ ...d.signed, id: 'urn:uuid:3c574c87-b96f-4f06-8eb5-68a29335b60e' }, k.issuer.privateKey), opts());
    expectStep(r, 'revocation.revoked', 'fail');
  });

  it('revocation list unavailable → revocation.list-unavailable unverifiable', async () => {
    const f: Fetcher = async (url) => (url === d.u('revocations.json') ? { ok: false, url, reason: 'network', message: 'down' } : fetcher(url));
    const r = await verifyAssertion(await sign(d.signed, k.issuer.privateKey), { fetcher: f, now: NOW });
    expectStep(r, 'revocation.list-unavailable', 'unverifiable');
    expect(r.status).toBe('unverifiable');
  });

  it('missing key document → signed.key-unavailable unverifiable', async () => {
    const payload = { ...d.signed, verification: { type: 'SignedBadge', creator: d.u('keys/missing.json') } };
    const r = await verifyAssertion(await sign(payload, k.issuer.privateKey), opts());
    expectStep(r, 'signed.key-unavailable', 'unverifiable');
    expect(r.status).toBe('unverifiable');
    expect(r.steps.some((s) => s.code === 'signed.bad-signature' && s.outcome === 'pass')).toBe(false);
  });

  it('unsupported alg HS256 → signed.unsupported-alg', async () => {
    const r = await verifyAssertion(await sign(d.signed, new TextEncoder().encode('a-shared-secret-of-32-bytes-long!') as never, 'HS256'), opts());
    expectStep(r, 'signed.unsupported-alg', 'fail');
  });

  it('unsupported alg none → signed.unsupported-alg', async () => {
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const r = await verifyAssertion(`${enc({ alg: 'none' })}.${enc(d.signed)}.`, opts());
    expectStep(r, 'signed.unsupported-alg', 'fail');
  });

  it.each([
    ['two parts', 'abc.def'],
    ['not base64url', 'a*b.c$d.e!f'],
    ['header not JSON', `${Buffer.from('nope').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.sig`],
    ['payload not an object', `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from('[1]').toString('base64url')}.sig`],
  ])('malformed JWS (%s) → signed.malformed', async (_name, jws) => {
    expectStep(await verifyAssertion(jws, opts()), 'signed.malformed', 'fail');
  });

  it('a JWS whose payload claims hosted verification → signed.payload-invalid', async () => {
    expectStep(await verifyAssertion(await sign(d.hosted, k.issuer.privateKey), opts()), 'signed.payload-invalid', 'fail');
  });
});

describe('recipient', () => {
  it('matches the hashed email case-insensitively (email and hex)', async () => {
    const upper = { ...d.signed, recipient: { type: 'email', hashed: true, salt: 'pepper', identity: hashEmail(LEARNER_EMAIL).toUpperCase().replace('SHA256$', 'sha256$') } };
    const r = await verifyAssertion(await sign(upper, k.issuer.privateKey), { ...opts(), expectedRecipient: { type: 'email', value: LEARNER_EMAIL } });
    expectVerified(r);
    expectStep(r, 'recipient.mismatch', 'pass');
  });

  it('matches plaintext email case-insensitively', async () => {
    const plain = { ...d.signed, recipient: { type: 'email', hashed: false, identity: 'Learner@Example.org' } };
    const r = await verifyAssertion(await sign(plain, k.issuer.privateKey), { ...opts(), expectedRecipient: { type: 'email', value: LEARNER_EMAIL } });
    expectStep(r, 'recipient.mismatch', 'pass');
  });

  it('md5 hashes are accepted', async () => {
    const { createHash } = await import('node:crypto');
    const md5 = `md5$${createHash('md5').update(`${LEARNER_EMAIL}pepper`).digest('hex')}`;
    const r = await verifyAssertion(await sign({ ...d.signed, recipient: { type: 'email', hashed: true, salt: 'pepper', identity: md5 } }, k.issuer.privateKey), {
      ...opts(),
      expectedRecipient: { type: 'email', value: LEARNER_EMAIL },
    });
    expectStep(r, 'recipient.mismatch', 'pass');
  });

  it('recipient mismatch → recipient.mismatch', async () => {
    const r = await verifyAssertion(await sign(d.signed, k.issuer.privateKey), { ...opts(), expectedRecipient: { type: 'email', value: 'someone-else@example.org' } });
    expectStep(r, 'recipient.mismatch', 'fail');
  });
});

describe('OB 2.0 endorsements', () => {
  it('verifies a hosted and a signed endorsement', async () => {
    expectVerified(await verifyEndorsement(d.hostedEndorsement, opts()));
    expectVerified(await verifyEndorsement(await sign(d.signedEndorsement, k.issuer.privateKey), opts()));
  });

  it('tampered signed endorsement → signed.bad-signature', async () => {
    const jws = tamper(await sign(d.signedEndorsement, k.issuer.privateKey), (p) => ({ ...p, claim: { id: d.u('badge.json'), endorsementComment: 'Bad.' } }));
    expectStep(await verifyEndorsement(jws, opts()), 'signed.bad-signature', 'fail');
  });

  it('endorsement without claim.id → schema.invalid', async () => {
    const r = await verifyEndorsement(await sign({ ...d.signedEndorsement, claim: { endorsementComment: 'x' } }, k.issuer.privateKey), opts());
    expectStep(r, 'schema.invalid', 'fail');
  });
});

// CLR 1.0 verification: the Clr (publisher = issuer) and each embedded assertion and endorsement.
import { beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, verifyClr, verifyEndorsement, type Fetcher, type VerificationResult, type VerificationStep } from '../src/index.js';
import { CLR_CONTEXT, documents, hashEmail, keys, LEARNER_EMAIL, NOW, publishedTree, sign, tamper, writeTree, type Documents, type Keys } from './fixtures.js';

const BASE = 'https://issuer.example.org/';
type Json = Record<string, unknown>;
let k: Keys;
let d: Documents;
let fetcher: Fetcher;
let clrEndorsement: (id: string, verification: Json) => Json;

beforeAll(async () => {
  k = await keys();
  d = documents(BASE, { issuer: k.issuer.pem, foreign: k.foreign.pem });
  // CLR endorsements embed an EndorsementProfile as issuer and use Hosted/Signed verification types.
  clrEndorsement = (id, verification) => ({
    id,
    type: 'Endorsement',
    issuer: { id: d.u('issuer.json'), type: 'Profile', name: 'Example Issuer' },
    issuedOn: '2026-01-20T10:00:00Z',
    claim: { id: d.u('clrs/1'), endorsementComment: 'Accurate record.' },
    verification,
  });
  const dir = await writeTree({
    ...publishedTree(d),
    'clrs/1': d.clr(d.u('clrs/1'), { type: 'Hosted' }),
    'clr-endorsements/1': clrEndorsement(d.u('clr-endorsements/1'), { type: 'Hosted' }),
  });
  fetcher = createFetcher({ allowNetwork: false, resolve: [{ prefix: BASE, dir }] });
});

const opts = () => ({ fetcher, now: NOW });
const signedClr = (extra: Json = {}, creator = d.u('keys/1.json')) => d.clr('urn:uuid:6c7a1d8e-2f0e-4b8e-9a51-1f0b3f2a9c01', { type: 'Signed', creator }, extra);
const find = (r: VerificationResult, code: string, path?: string): VerificationStep | undefined =>
  r.steps.find((s) => s.code === code && (path === undefined ? s.evidence?.['path'] === undefined : s.evidence?.['path'] === path));
function expectStep(r: VerificationResult, code: string, outcome: 'pass' | 'fail' | 'unverifiable', path?: string) {
  expect(find(r, code, path)?.outcome, JSON.stringify(r.steps, null, 1)).toBe(outcome);
  if (outcome === 'fail') expect(r.status).toBe('failed');
}
const notPassing = (r: VerificationResult) => r.steps.filter((s) => s.outcome !== 'pass');

/** A CLR that carries one of everything: embedded and signed assertions and endorsements. */
async function fullClr(id: string, verification: Json): Promise<Json> {
  return d.clr(id, verification, {
    signedAssertions: [await sign(d.signed, k.issuer.privateKey)],
    endorsements: [clrEndorsement(d.u('clr-endorsements/1'), { type: 'Hosted' })],
    signedEndorsements: [await sign(clrEndorsement('urn:uuid:9b1c6c1e-8e1f-4d43-a3a4-6c0c8f4c2b10', { type: 'Signed', creator: d.u('keys/1.json') }), k.issuer.privateKey)],
  });
}

describe('hosted CLR', () => {
  it('verifies the valid hosted CLR', async () => {
    const r = await verifyClr(d.clr(d.u('clrs/1'), { type: 'Hosted' }), opts());
    expect(notPassing(r)).toEqual([]);
    expect(r.status).toBe('verified');
    expect(r.method).toBe('hosted');
    expectStep(r, 'schema.invalid', 'pass');
    expectStep(r, 'schema.invalid', 'pass', 'assertions[0]');
    expectStep(r, 'recipient.mismatch', 'pass', 'assertions[0]');
  });

  it('hosted mismatch → hosted.mismatch', async () => {
    const r = await verifyClr(d.clr(d.u('clrs/1'), { type: 'Hosted' }, { name: 'Edited' }), opts());
    expectStep(r, 'hosted.mismatch', 'fail');
  });

  it('hosted 410 → hosted.gone', async () => {
    const gone: Fetcher = async (url) => (url === d.u('clrs/1') ? { ok: true, url, status: 410, contentType: 'application/json', body: '' } : fetcher(url));
    expectStep(await verifyClr(d.clr(d.u('clrs/1'), { type: 'Hosted' }), { fetcher: gone, now: NOW }), 'hosted.gone', 'fail');
  });
});

describe('signed CLR', () => {
  it('verifies the valid signed CLR with all nested items', async () => {
    const r = await verifyClr(await sign(await fullClr('urn:uuid:6c7a1d8e-2f0e-4b8e-9a51-1f0b3f2a9c01', { type: 'Signed', creator: d.u('keys/1.json') }), k.issuer.privateKey), opts());
    expect(notPassing(r)).toEqual([]);
    expect(r.status).toBe('verified');
    expectStep(r, 'signed.bad-signature', 'pass');
    expectStep(r, 'signed.bad-signature', 'pass', 'signedAssertions[0]');
    expectStep(r, 'hosted.mismatch', 'pass', 'endorsements[0]');
    expectStep(r, 'endorsement.failed', 'pass', 'endorsements[0]');
    expectStep(r, 'endorsement.failed', 'pass', 'signedEndorsements[0]');
  });

  it('tampered signed CLR → signed.bad-signature', async () => {
    const jws = tamper(await sign(signedClr(), k.issuer.privateKey), (p) => ({ ...p, name: 'Forged' }));
    expectStep(await verifyClr(jws, opts()), 'signed.bad-signature', 'fail');
  });

  it('signed CLR with a key the publisher does not own → signed.key-not-owned', async () => {
    const r = await verifyClr(await sign(signedClr({}, d.u('keys/foreign.json')), k.foreign.privateKey), opts());
    expectStep(r, 'signed.bad-signature', 'pass');
    expectStep(r, 'signed.key-not-owned', 'fail');
  });

  it('expired signed CLR → validity.expired (an `expires` on the Clr is honoured)', async () => {
    expectStep(await verifyClr(await sign(signedClr({ expires: '2026-03-01T00:00:00Z' }), k.issuer.privateKey), opts()), 'validity.expired', 'fail');
  });

  it('signed CLR whose assertion expired → validity.expired at assertions[0]', async () => {
    const r = await verifyClr(await sign(signedClr({ assertions: [{ ...d.clrAssertion, expires: '2026-03-01T00:00:00Z' }] }), k.issuer.privateKey), opts());
    expectStep(r, 'validity.expired', 'pass');
    expectStep(r, 'validity.expired', 'fail', 'assertions[0]');
  });

  it('revoked signed CLR (in the publisher revocation list) → revocation.revoked', async () => {
    const revoked = d.clr(d.u('clrs/revoked'), { type: 'Signed', creator: d.u('keys/1.json') });
    expectStep(await verifyClr(await sign(revoked, k.issuer.privateKey), opts()), 'revocation.revoked', 'fail');
  });

  it('missing key document → signed.key-unavailable unverifiable', async () => {
    const r = await verifyClr(await sign(signedClr({}, d.u('keys/none.json')), k.issuer.privateKey), opts());
    expectStep(r, 'signed.key-unavailable', 'unverifiable');
    expect(r.status).toBe('unverifiable');
  });
});

describe('nested items of a CLR', () => {
  it('nested endorsement failure → endorsement.failed plus the nested code, with the path as evidence', async () => {
    const bad = tamper(await sign(clrEndorsement('urn:uuid:9b1c6c1e-8e1f-4d43-a3a4-6c0c8f4c2b10', { type: 'Signed', creator: d.u('keys/1.json') }), k.issuer.privateKey), (p) => ({
      ...p,
      claim: { id: d.u('clrs/1'), endorsementComment: 'Edited.' },
    }));
    const r = await verifyClr(await sign(signedClr({ signedEndorsements: [bad] }), k.issuer.privateKey), opts());
    expectStep(r, 'signed.bad-signature', 'pass');
    expectStep(r, 'signed.bad-signature', 'fail', 'signedEndorsements[0]');
    expectStep(r, 'endorsement.failed', 'fail', 'signedEndorsements[0]');
    expect(find(r, 'endorsement.failed', 'signedEndorsements[0]')?.evidence?.['codes']).toContain('signed.bad-signature');
    expect(find(r, 'signed.bad-signature', 'signedEndorsements[0]')?.message).toMatch(/^signedEndorsements\[0\]: /);
  });

  it('nested endorsement whose hosted copy cannot be fetched → endorsement.failed unverifiable', async () => {
    const r = await verifyClr(await sign(signedClr({ endorsements: [clrEndorsement(d.u('clr-endorsements/missing'), { type: 'Hosted' })] }), k.issuer.privateKey), opts());
    expectStep(r, 'endorsement.failed', 'unverifiable', 'endorsements[0]');
    expect(r.status).toBe('unverifiable');
  });

  it('nested signed assertion with a foreign key → signed.key-not-owned at signedAssertions[0]', async () => {
    const foreign = await sign({ ...d.signed, verification: { type: 'SignedBadge', creator: d.u('keys/foreign.json') } }, k.foreign.privateKey);
    const r = await verifyClr(await sign(signedClr({ signedAssertions: [foreign] }), k.issuer.privateKey), opts());
    expectStep(r, 'signed.key-not-owned', 'fail', 'signedAssertions[0]');
  });

  it('assertion recipient that is not the learner → recipient.mismatch at assertions[0]', async () => {
    const other = { ...d.clrAssertion, recipient: { type: 'email', hashed: true, salt: 'pepper', identity: hashEmail('other@example.org') } };
    const r = await verifyClr(await sign(signedClr({ assertions: [other] }), k.issuer.privateKey), opts());
    expectStep(r, 'recipient.mismatch', 'fail', 'assertions[0]');
  });

  it('expected recipient is compared with the learner profile', async () => {
    const jws = await sign(signedClr(), k.issuer.privateKey);
    expectStep(await verifyClr(jws, { ...opts(), expectedRecipient: { type: 'email', value: LEARNER_EMAIL.toUpperCase() } }), 'recipient.mismatch', 'pass');
    expectStep(await verifyClr(jws, { ...opts(), expectedRecipient: { type: 'email', value: 'other@example.org' } }), 'recipient.mismatch', 'fail');
  });

  it('is lenient about Candidate Final field names (startDate/endDate, educationalFramework, named profiles)', async () => {
    const candidate = {
      ...d.clrAssertion,
      startDate: '2025-09-01T00:00:00Z',
      endDate: '2025-12-20T00:00:00Z',
      achievement: {
        ...(d.clrAssertion['achievement'] as Json),
        alignments: [{ targetName: 'Robotics 1', targetUrl: 'https://example.org/frameworks/robotics/1', targetType: 'CFItem', educationalFramework: 'Example framework' }],
      },
    };
    const r = await verifyClr(await sign(signedClr({ assertions: [candidate] }), k.issuer.privateKey), opts());
    expect(notPassing(r)).toEqual([]);
  });

  it('a CLR endorsement can be verified on its own', async () => {
    const r = await verifyEndorsement({ '@context': CLR_CONTEXT, ...clrEndorsement(d.u('clr-endorsements/1'), { type: 'Hosted' }) }, opts());
    // The hosted copy has no @context of its own: a difference in form, not in data.
    expectStep(r, 'hosted.mismatch', 'pass');
    expect(r.steps.find((s) => s.code === 'hosted.mismatch')?.evidence?.['formOnly']).toEqual(['@context']);
    expectStep(r, 'schema.invalid', 'pass');
  });
});

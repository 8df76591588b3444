// OB 2.0 classes verified on their own: what they name is loaded and judged; a document that answered
// badly is a failure, one that could not be reached is unverifiable (never a pass).
import { beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, verifyBadgeClass, verifyBadgeOf, verifyCryptographicKey, verifyProfile, verifyRevocationList, type Fetcher, type VerificationResult } from '../src/index.js';
import { documents, keys, NOW, publishedTree, writeTree, type Documents } from './fixtures.js';

const BASE = 'https://issuer.example.org/';
let d: Documents;
let fetcher: Fetcher;
let offline: Fetcher;

beforeAll(async () => {
  const k = await keys();
  d = documents(BASE, { issuer: k.issuer.pem, foreign: k.foreign.pem });
  const dir = await writeTree(publishedTree(d));
  fetcher = createFetcher({ allowNetwork: false, resolve: [{ prefix: BASE, dir }] });
  offline = createFetcher({ allowNetwork: false });
});

const opts = () => ({ fetcher, now: NOW });
const outcomes = (r: VerificationResult) => Object.fromEntries(r.steps.map((s) => [s.code, s.outcome]));
/** A fetcher answering one URL with an HTTP status (and the rest from the published tree). */
const answering = (url: string, status: number, body = '{}'): Fetcher => async (u) => (u === url ? { ok: true, url, status, contentType: 'application/json', body } : fetcher(u));

describe('verifyBadgeClass', () => {
  it('loads the issuer and judges it as an issuer profile', async () => {
    const r = await verifyBadgeClass(d.badge, opts());
    expect(r).toMatchObject({ status: 'verified', method: 'none' });
    expect(outcomes(r)).toEqual({ 'issuer.unavailable': 'pass', 'issuer.invalid': 'pass' });
  });

  it('fails a fetched issuer without email, and one that answers 404; an unreachable one is unverifiable', async () => {
    const { email: _e, ...noEmail } = d.issuer;
    expect(outcomes(await verifyBadgeClass(d.badge, { fetcher: answering(d.u('issuer.json'), 200, JSON.stringify(noEmail)) }))).toEqual({ 'issuer.unavailable': 'pass', 'issuer.invalid': 'fail' });
    expect(outcomes(await verifyBadgeClass(d.badge, { fetcher: answering(d.u('issuer.json'), 404) }))).toEqual({ 'issuer.unavailable': 'fail' });
    const r = await verifyBadgeClass(d.badge, { fetcher: offline });
    expect(r.status).toBe('unverifiable');
    expect(outcomes(r)).toEqual({ 'issuer.unavailable': 'unverifiable' });
  });

  it('gives an embedded issuer that was not fetched no second verdict (the badge class schema judges it)', async () => {
    const r = await verifyBadgeClass({ ...d.badge, issuer: { ...d.issuer, email: undefined } }, { fetcher: offline });
    expect(outcomes(r)).toEqual({ 'issuer.unavailable': 'pass' });
  });
});

describe('verifyBadgeOf (an assertion\'s badge class and issuer)', () => {
  it('fetches the badge class and its issuer and judges both', async () => {
    expect(outcomes(await verifyBadgeOf(d.hosted, opts()))).toEqual({ 'badge.unavailable': 'pass', 'badge.invalid': 'pass', 'issuer.unavailable': 'pass', 'issuer.invalid': 'pass' });
  });

  it('fails a fetched badge class that breaks its schema; an unreachable one is unverifiable', async () => {
    const { criteria: _c, ...noCriteria } = d.badge;
    expect(outcomes(await verifyBadgeOf(d.hosted, { fetcher: answering(d.u('badge.json'), 200, JSON.stringify(noCriteria)) }))['badge.invalid']).toBe('fail');
    expect(outcomes(await verifyBadgeOf(d.hosted, { fetcher: offline }))).toEqual({ 'badge.unavailable': 'unverifiable' });
  });
});

describe('verifyProfile', () => {
  it('loads each key and the revocation list and judges them', async () => {
    const r = await verifyProfile(d.issuer, opts());
    expect(r.status).toBe('verified');
    expect(outcomes(r)).toEqual({ 'signed.key-unavailable': 'pass', 'key.unusable': 'pass', 'signed.key-not-owned': 'pass', 'revocation.list-unavailable': 'pass', 'revocation.list-invalid': 'pass' });
  });

  it('fails a listed key owned by someone else and a revocation list that is no list', async () => {
    const r = await verifyProfile({ ...d.issuer, id: d.u('other-issuer.json'), revocationList: d.u('badge.json') }, opts());
    expect(outcomes(r)).toMatchObject({ 'signed.key-not-owned': 'fail', 'revocation.list-invalid': 'fail' });
  });

  it('has no steps for a profile that names nothing to load', async () => {
    const { publicKey: _k, revocationList: _l, ...bare } = d.issuer;
    expect((await verifyProfile(bare, opts())).steps).toEqual([]);
  });
});

describe('verifyCryptographicKey', () => {
  it('checks the PEM and the two-way link with its owner', async () => {
    expect(outcomes(await verifyCryptographicKey(d.key, opts()))).toEqual({ 'issuer.unavailable': 'pass', 'issuer.invalid': 'pass', 'key.unusable': 'pass', 'signed.key-not-owned': 'pass' });
    // The foreign key names the issuer as owner, but the issuer does not list it.
    expect(outcomes(await verifyCryptographicKey(d.foreignKey, opts()))['signed.key-not-owned']).toBe('fail');
    expect(outcomes(await verifyCryptographicKey({ ...d.key, publicKeyPem: 'not a pem' }, opts()))['key.unusable']).toBe('fail');
  });

  it('cannot show ownership when the owner is unreachable: unverifiable, not a pass', async () => {
    const r = await verifyCryptographicKey(d.key, { fetcher: offline });
    expect(outcomes(r)).toEqual({ 'issuer.unavailable': 'unverifiable', 'key.unusable': 'pass', 'signed.key-not-owned': 'unverifiable' });
  });
});

describe('verifyRevocationList', () => {
  it('requires its issuer to name it', async () => {
    expect(outcomes(await verifyRevocationList(d.revocations, opts()))).toEqual({ 'issuer.unavailable': 'pass', 'issuer.invalid': 'pass', 'revocation.list-invalid': 'pass' });
    expect(outcomes(await verifyRevocationList({ ...d.revocations, id: d.u('old.json') }, opts()))['revocation.list-invalid']).toBe('fail');
  });
});

import { CompactSign, exportSPKI, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureAssertionRoundTrip } from '../../src/checks/obc/ensure-assertion-round-trip.js';
import { ensureProfile } from '../../src/checks/obc/ensure-profile.js';
import { ensureSignedAssertion } from '../../src/checks/obc/ensure-signed-assertion.js';
import { ensureSignedAssertionSignature } from '../../src/checks/obc/ensure-signed-assertion-signature.js';
import { ASSERTION_MUTATIONS, buildAssertion } from '../../src/scenarios/api/support/fixture-assertion.js';
import { mutate, verdictOf } from './exchange.js';

const assertion = buildAssertion('learner@example.com');
const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const KEY_URL = 'https://issuer.example.org/keys/1';
let signed: string;
let publicKeyPem: string;
let otherPem: string;

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  publicKeyPem = await exportSPKI(publicKey);
  otherPem = await exportSPKI(other.publicKey);
  signed = await new CompactSign(new TextEncoder().encode(JSON.stringify(assertion))).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
});

describe('ensure-signed-assertion (OB 2.0 SignedBadge shape)', () => {
  it('passes for an RS256 JWS of a valid assertion, saying the signature is not verified', () => {
    const v = verdictOf(ensureSignedAssertion.run(signed));
    expect(v).toMatchObject({ outcome: 'pass' });
    expect(v.message).toMatch(/signature not verified/);
  });

  const mutations: [string, () => unknown][] = [
    ['two parts', () => signed.split('.').slice(0, 2).join('.')],
    ['four parts', () => `${signed}.x`],
    ['non-base64url character', () => signed.replace('.', '.+')],
    ['header not JSON', () => ['bm90IGpzb24', ...signed.split('.').slice(1)].join('.')],
    ['no alg', () => [b64({ typ: 'JWT' }), ...signed.split('.').slice(1)].join('.')],
    ['alg none', () => [b64({ alg: 'none' }), ...signed.split('.').slice(1)].join('.')],
    ['payload not JSON', () => [signed.split('.')[0], b64('not json'), signed.split('.')[2]].join('.')],
    ['payload lacks recipient', () => [signed.split('.')[0], b64(ASSERTION_MUTATIONS['missing-recipient'](assertion)), signed.split('.')[2]].join('.')],
    ['not a string', () => 42],
  ];
  it.each(mutations)('fails: %s', (_name, make) => {
    expect(ensureSignedAssertion.run(make())).toMatchObject({ outcome: 'fail' });
  });
});

describe('ensure-signed-assertion-signature', () => {
  it('passes with the signing key', async () => {
    expect(await ensureSignedAssertionSignature.run({ jws: signed, publicKeyPem, keyUrl: KEY_URL })).toMatchObject({ outcome: 'pass' });
  });
  it.each([
    ['another key', () => ({ jws: signed, publicKeyPem: otherPem })],
    ['a corrupted signature', () => ({ jws: `${signed.slice(0, -4)}AAAA`, publicKeyPem })],
    ['a changed payload', () => ({ jws: [signed.split('.')[0], b64({ ...assertion, narrative: 'x' }), signed.split('.')[2]].join('.'), publicKeyPem })],
    ['a key that is not PEM', () => ({ jws: signed, publicKeyPem: 'not a key' })],
  ])('fails with %s', async (_name, make) => {
    expect(await ensureSignedAssertionSignature.run({ ...make(), keyUrl: KEY_URL })).toMatchObject({ outcome: 'fail' });
  });
  it('skips, saying so, when no key URL or no PEM is available', async () => {
    expect(await ensureSignedAssertionSignature.run({ jws: signed, publicKeyPem: undefined, keyUrl: undefined })).toMatchObject({ outcome: 'skip' });
    expect(await ensureSignedAssertionSignature.run({ jws: signed, publicKeyPem: undefined, keyUrl: KEY_URL })).toMatchObject({ outcome: 'skip' });
  });
});

describe('ensure-assertion-round-trip', () => {
  it('passes when the listed copy has every posted field', () => {
    expect(ensureAssertionRoundTrip.run({ posted: assertion, listed: [structuredClone(assertion)] })).toMatchObject({ outcome: 'pass' });
  });
  it('accepts an embedded badge replaced by its id and extra provider fields', () => {
    const listed = mutate(assertion, (a) => ((a.badge = (assertion.badge as { id: string }).id), (a.extra = 1)));
    expect(ensureAssertionRoundTrip.run({ posted: assertion, listed: [listed] })).toMatchObject({ outcome: 'pass' });
  });
  it.each<[string, unknown[]]>([
    ['not listed', []],
    ['narrative changed', [mutate(assertion, (a) => (a.narrative = 'other'))]],
    ['recipient dropped', [ASSERTION_MUTATIONS['missing-recipient'](assertion)]],
    ['listed copy not an object', ['just a string']],
  ])('fails: %s', (_name, listed) => {
    expect(ensureAssertionRoundTrip.run({ posted: assertion, listed })).toMatchObject({ outcome: 'fail' });
  });
});

describe('ensure-profile', () => {
  const body = { status: { statusCode: 200, statusText: 'OK' }, profile: { id: 'urn:example:user:1', type: 'Profile', email: 'a@example.com' } };
  it('passes for a profile with id and type (string or array)', () => {
    expect(ensureProfile.run(body)).toMatchObject({ outcome: 'pass' });
    expect(ensureProfile.run(mutate(body, (b) => ((b.profile as { type: unknown }).type = ['Profile'])))).toMatchObject({ outcome: 'pass' });
  });
  it.each<[string, unknown]>([
    ['no profile', mutate(body, (b) => delete (b as { profile?: unknown }).profile)],
    ['profile without id', mutate(body, (b) => delete (b.profile as { id?: string }).id)],
    ['profile without type', mutate(body, (b) => delete (b.profile as { type?: string }).type)],
    ['profile is a string', mutate(body, (b) => ((b as { profile: unknown }).profile = 'urn:example:user:1'))],
    ['body is not an object', null],
  ])('fails: %s', (_name, input) => {
    expect(ensureProfile.run(input)).toMatchObject({ outcome: 'fail' });
  });
});

describe('posted assertion fixture', () => {
  it('is a valid OB 2.0 Assertion and valid JSON-LD, and each named mutation breaks the schema', async () => {
    const { getRegistry, SchemaIds } = await import('../../../schemas/src/registry.js');
    const { checkJsonLd } = await import('../../../schemas/src/jsonld.js');
    expect(getRegistry().validate(SchemaIds.ob20.assertion, assertion).valid).toBe(true);
    expect(await checkJsonLd(assertion)).toMatchObject({ ok: true });
    for (const mutation of Object.values(ASSERTION_MUTATIONS)) {
      expect(getRegistry().validate(SchemaIds.ob20.assertion, mutation(assertion), { unknownProperties: 'allow' }).valid).toBe(false);
    }
    expect(buildAssertion('a@example.com').id).not.toBe(buildAssertion('a@example.com').id);
  });
});

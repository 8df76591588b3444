/** CLR record checks: each with a passing fixture and named mutations of it that must fail. */
import { describe, expect, it } from 'vitest';
import { SchemaIds } from '../../../schemas/src/registry.js';
import type { VerificationResult } from '../../../verification/src/index.js';
import { parseDocument } from '../../src/actions/clr/document-kind.js';
import { ensureClrId } from '../../src/checks/clr/ensure-clr-id.js';
import { ensureClrPresence } from '../../src/checks/clr/ensure-clr-presence.js';
import { ensureClrSchema } from '../../src/checks/clr/ensure-clr-schema.js';
import { ensureCompactJws } from '../../src/checks/clr/ensure-compact-jws.js';
import { ensureDiscoveryEntry } from '../../src/checks/clr/ensure-discovery-entry.js';
import { ensureParsedDocument } from '../../src/checks/clr/ensure-parsed-document.js';
import { ensureSameClr } from '../../src/checks/clr/ensure-same-clr.js';
import { ensureVerificationStep, stepCodes } from '../../src/checks/clr/ensure-verification-step.js';
import type { Verdict } from '../../src/engine/verdict.js';
import { buildClr, CLR_MUTATIONS } from '../../src/scenarios/clr/support/fixture-clr.js';
import { mutate } from '../api/exchange.js';

const v = (x: Verdict | Promise<Verdict>) => x as Verdict;
const CLRS = 'https://provider.example.com/ims/clr/v1p0/clrs';
const READONLY = 'https://purl.imsglobal.org/spec/clr/v1p0/scope/readonly';
const clr = buildClr('alice@example.org');
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jws = (header: unknown, payload: unknown) => `${b64(header)}.${b64(payload)}.c2lnbmF0dXJl`;

describe('ensure-clr-schema', () => {
  it('passes the suite\'s own posted Clr and a ClrSet holding it, and names the binding', () => {
    const one = v(ensureClrSchema(SchemaIds.clr.clr, 'Clr').run(clr));
    expect(one.outcome).toBe('pass');
    expect(one.evidence?.binding).toMatch(/final|both/);
    const { '@context': context, ...record } = clr;
    expect(v(ensureClrSchema(SchemaIds.clr.clrSet, 'ClrSet').run({ '@context': context, type: 'ClrSet', clrs: [record] })).outcome).toBe('pass');
  });
  it.each(Object.entries(CLR_MUTATIONS))('fails a Clr with %s', (_name, change) => {
    const r = v(ensureClrSchema(SchemaIds.clr.clr, 'Clr').run(change(clr)));
    expect(r.outcome).toBe('fail');
    expect(r.evidence?.errors).toBeDefined();
  });
  it('fails a ClrSet whose signedClrs holds something other than a JWS', () => {
    expect(v(ensureClrSchema(SchemaIds.clr.clrSet, 'ClrSet').run({ '@context': clr['@context'], signedClrs: ['not-a-jws'] })).outcome).toBe('fail');
  });
});

describe('ensure-same-clr', () => {
  it('passes equal copies, ignoring an @context only one side states and key order', () => {
    const { '@context': _c, ...record } = clr;
    const reordered = Object.fromEntries(Object.entries(clr).reverse());
    expect(v(ensureSameClr.run({ expected: record, actual: reordered })).outcome).toBe('pass');
  });
  it.each([
    ['a changed name', mutate(clr, (c) => void (c.name = 'Other'))],
    ['a dropped assertion list', mutate(clr, (c) => void delete c.assertions)],
    ['a different @context on both sides', mutate(clr, (c) => void (c['@context'] = 'https://w3id.org/openbadges/v2'))],
    ['not an object', 'text'],
  ])('fails %s', (_name, actual) => {
    expect(v(ensureSameClr.run({ expected: clr, actual })).outcome).toBe('fail');
  });
});

describe('ensure-clr-presence, ensure-clr-id', () => {
  it('judges listing after writes and deletes', () => {
    expect(v(ensureClrPresence.run({ id: 'a', listed: ['a'], expect: 'listed' })).outcome).toBe('pass');
    expect(v(ensureClrPresence.run({ id: 'a', listed: ['b'], expect: 'listed' })).outcome).toBe('fail');
    expect(v(ensureClrPresence.run({ id: 'a', listed: ['b'], expect: 'absent' })).outcome).toBe('pass');
    expect(v(ensureClrPresence.run({ id: 'a', listed: ['a'], expect: 'absent' })).outcome).toBe('fail');
  });
  it.each([
    [`${CLRS}/alice-1`, 'pass'],
    ['urn:uuid:9d7a7c8e-0000-4000-8000-000000000000', 'skip'],
    [`${CLRS}/a/b`, 'fail'],
    [`${CLRS}/`, 'fail'],
    ['https://elsewhere.example.com/clrs/1', 'fail'],
    [42, 'fail'],
  ])('id %s → %s', (id, outcome) => {
    expect(v(ensureClrId.run({ id, clrsUrl: CLRS })).outcome).toBe(outcome);
  });
});

describe('ensure-compact-jws, ensure-parsed-document', () => {
  it('passes an RS256 JWS of an object', () => {
    expect(v(ensureCompactJws.run(jws({ alg: 'RS256' }, clr))).outcome).toBe('pass');
  });
  it.each([
    ['alg none', jws({ alg: 'none' }, clr)],
    ['no alg', jws({}, clr)],
    ['array payload', jws({ alg: 'RS256' }, [clr])],
    ['two parts', 'abcd.efgh'],
    ['not a string', { signed: true }],
  ])('fails %s', (_name, value) => {
    expect(v(ensureCompactJws.run(value)).outcome).toBe('fail');
  });
  it('tells JSON and JWS documents from text that is neither', () => {
    expect(v(ensureParsedDocument.run(parseDocument(JSON.stringify(clr)))).outcome).toBe('pass');
    expect(v(ensureParsedDocument.run(parseDocument(jws({ alg: 'RS256' }, clr)))).outcome).toBe('pass');
    expect(v(ensureParsedDocument.run(parseDocument('{"truncated": '))).outcome).toBe('fail');
    expect(v(ensureParsedDocument.run(parseDocument('hello'))).outcome).toBe('fail');
  });
});

describe('ensure-discovery-entry', () => {
  const discovery = {
    '@context': 'https://purl.imsglobal.org/spec/clr/v1p0/context/clr_v1p0.jsonld',
    name: 'Provider',
    authorizationUrl: 'https://auth.example.com/authorize',
    tokenUrl: 'https://auth.example.com/token',
    registrationUrl: 'https://auth.example.com/register',
    scopesOffered: [READONLY],
    privacyPolicyUrl: 'https://provider.example.com/privacy',
    termsOfServiceUrl: 'https://provider.example.com/terms',
  };
  it('passes when the endpoints are URLs and the needed scope is offered', () => {
    expect(v(ensureDiscoveryEntry([READONLY]).run(discovery)).outcome).toBe('pass');
  });
  it.each([
    ['a missing tokenUrl', mutate(discovery, (d) => void delete (d as Partial<typeof d>).tokenUrl), /"tokenUrl"/],
    ['a relative authorizationUrl', mutate(discovery, (d) => void (d.authorizationUrl = '/authorize')), /"authorizationUrl"/],
    ['readonly not offered', mutate(discovery, (d) => void (d.scopesOffered = ['offline_access'])), /lacks/],
  ])('fails with %s', (_name, doc, message) => {
    const r = v(ensureDiscoveryEntry([READONLY]).run(doc));
    expect(r.outcome).toBe('fail');
    expect(r.message).toMatch(message);
  });
});

describe('ensure-verification-step', () => {
  const result = (steps: VerificationResult['steps'], method: VerificationResult['method'] = 'signed'): VerificationResult => ({
    status: steps.some((s) => s.outcome === 'fail') ? 'failed' : steps.some((s) => s.outcome === 'unverifiable') ? 'unverifiable' : 'verified',
    method,
    steps,
  });
  const good = result([
    { code: 'signed.bad-signature', outcome: 'pass', message: 'signature valid' },
    { code: 'signed.key-not-owned', outcome: 'pass', message: 'key owned' },
  ]);
  it('passes a passing step and lists each code once', () => {
    expect(v(ensureVerificationStep('signed.bad-signature', 'CLR').run(good)).outcome).toBe('pass');
    expect(stepCodes(good)).toEqual(['signed.bad-signature', 'signed.key-not-owned']);
  });
  it('fails a failing step, naming its code', () => {
    const bad = mutate(good, (r) => void (r.steps[1] = { code: 'signed.key-not-owned', outcome: 'fail', message: 'owner is someone else' }));
    const r = v(ensureVerificationStep('signed.key-not-owned', 'CLR').run(bad));
    expect(r.outcome).toBe('fail');
    expect(r.message).toBe('signed.key-not-owned: owner is someone else');
  });
  it('skips, never passes, what could not be verified', () => {
    const open = result([{ code: 'signed.key-unavailable', outcome: 'unverifiable', message: 'network access is not allowed' }]);
    const r = v(ensureVerificationStep('signed.key-unavailable', 'CLR').run(open));
    expect(r.outcome).toBe('skip');
    expect(r.message).toContain('network access is not allowed');
    expect(v(ensureVerificationStep('verification', 'CLR').run(result([], 'none'))).outcome).toBe('skip');
  });
});

// The hosted rule compares the presented copy with the hosted one as data (SPEC20 §HostedBadge: the copy at
// the id is what counts), built from the official OB 2.0 examples (read from ../shared/spec-data at run time):
// a copy embedded elsewhere, without @context and with its badge embedded, is the same assertion; a copy
// with another recipient, badge or date is not.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyAssertion, type Fetcher, type VerificationResult } from '../src/index.js';
import { compareAsData } from '../src/same-data.js';
import { officialDataFor } from '../../test/support/environment.js';

type Json = Record<string, unknown>;
const official = officialDataFor('The hosted-comparison tests', ['ob/v2p0/examples/']);
const read = (name: string): Json => (official ? (JSON.parse(readFileSync(official.file(`ob/v2p0/examples/${name}`), 'utf8')) as Json) : {});
const ASSERTION = read('ob20-examples-01-Assertion-Example.json');
const BADGE = read('ob20-examples-02-BadgeClass-Example.json');
const ISSUER = read('ob20-examples-03-Issuer-Profile-Example.json');
/** Inside the example's validity (it expires 2017-06-30). */
const NOW = new Date('2017-01-01T00:00:00Z');

/** Each example served at the id it names. */
const fetcher: Fetcher = async (url) => {
  const doc = [ASSERTION, BADGE, ISSUER].find((d) => d['id'] === url);
  return doc
    ? { ok: true, url, status: 200, contentType: 'application/ld+json', body: JSON.stringify(doc) }
    : { ok: false, url, reason: 'not-found', message: 'not an example document' };
};

const withoutContext = ({ '@context': _c, ...rest }: Json): Json => rest;
/** The example assertion as a container would embed it: no @context, the BadgeClass (and its issuer) embedded. */
const embedded = (): Json => ({ ...withoutContext(ASSERTION), badge: { ...withoutContext(BADGE), issuer: withoutContext(ISSUER) } });
const hostedStep = (r: VerificationResult) => r.steps.find((s) => s.code === 'hosted.mismatch');

describe.runIf(official)('hosted copy compared as data', () => {
  it('the embedded form of the example (no @context, badge embedded) is the hosted assertion', async () => {
    const r = await verifyAssertion(embedded(), { fetcher, now: NOW });
    expect(hostedStep(r)?.outcome, JSON.stringify(r.steps, null, 1)).toBe('pass');
    expect(hostedStep(r)?.evidence?.['formOnly']).toEqual(['@context', 'badge']);
    expect(r.status).toBe('verified');
  });

  it('the hosted example presented as itself passes with no form note', async () => {
    const r = await verifyAssertion(ASSERTION, { fetcher, now: NOW });
    expect(hostedStep(r)).toMatchObject({ outcome: 'pass', message: 'the presented copy is the hosted copy' });
  });

  it('a single value and a one-element array are the same data; key order never counts', async () => {
    const presented = Object.fromEntries(Object.entries({ ...ASSERTION, type: ['Assertion'], evidence: [ASSERTION['evidence']] }).reverse());
    expect((await compareAsData(presented, ASSERTION)).differing).toEqual([]);
  });

  const changes: [string, (a: Json) => Json, string[]][] = [
    ['another recipient', (a) => ({ ...a, recipient: { ...(a['recipient'] as Json), identity: 'sha256$0000000000000000000000000000000000000000000000000000000000000000' } }), ['recipient']],
    ['another badge (by reference)', (a) => ({ ...a, badge: 'https://example.org/another-badge.json' }), ['badge']],
    ['another badge (embedded)', (a) => ({ ...a, badge: { ...withoutContext(BADGE), id: 'https://example.org/another-badge.json' } }), ['badge']],
    ['a later issuedOn', (a) => ({ ...a, issuedOn: '2017-01-15T00:00:00Z' }), ['issuedOn']],
    ['no expires', ({ expires: _e, ...a }) => a, ['expires']],
    ['other evidence', (a) => ({ ...a, evidence: 'https://example.org/someone-elses-work.html' }), ['evidence']],
  ];
  it.each(changes)('a copy with %s differs in data → hosted.mismatch fails', async (_name, change, differing) => {
    const r = await verifyAssertion(change(embedded()), { fetcher, now: NOW });
    expect(hostedStep(r)?.outcome, JSON.stringify(r.steps, null, 1)).toBe('fail');
    expect(hostedStep(r)?.evidence?.['differing']).toEqual(differing);
    expect(r.status).toBe('failed');
  });

  it('falls back to a structural comparison when a document does not expand offline', async () => {
    const remote = { ...ASSERTION, '@context': 'https://example.org/unbundled-context.json' };
    const same = await compareAsData(embedded(), remote);
    expect(same).toMatchObject({ differing: [], by: 'structure' });
    const other = await compareAsData({ ...embedded(), recipient: { type: 'email', hashed: false, identity: 'x@example.org' } }, remote);
    expect(other).toMatchObject({ differing: ['recipient'], by: 'structure' });
  });
});

describe('linked nodes embedded in both copies', () => {
  const OB2 = 'https://w3id.org/openbadges/v2';
  const endorsement = (claim: Json): Json => ({ '@context': OB2, type: 'Endorsement', id: 'https://e.example.org/e/1', issuer: 'https://e.example.org/i', issuedOn: '2016-12-31T23:59:59Z', claim, verification: { type: 'HostedBadge' } });
  it('what both say of the node must agree: a changed endorsementComment is a real difference', async () => {
    const hosted = endorsement({ id: 'https://e.example.org/badges/1', endorsementComment: 'Meets the standard.' });
    const presented = endorsement({ id: 'https://e.example.org/badges/1', endorsementComment: 'Changed.' });
    expect((await compareAsData(presented, hosted)).differing).toEqual(['claim']);
  });
  it('one copy may give fewer of its properties, or the node by reference', async () => {
    const hosted = endorsement({ id: 'https://e.example.org/badges/1', endorsementComment: 'Meets the standard.' });
    expect((await compareAsData(endorsement({ id: 'https://e.example.org/badges/1' }), hosted)).differing).toEqual([]);
    expect((await compareAsData({ ...endorsement({}), claim: 'https://e.example.org/badges/1' }, hosted)).differing).toEqual([]);
  });
});

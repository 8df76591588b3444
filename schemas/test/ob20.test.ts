// OB 2.0 classes: named mutations of valid fixtures, including the identity hash rules.
import { describe, expect, it } from 'vitest';
import { getRegistry, SchemaIds } from '../src/registry.js';
import { VALID } from './fixtures.js';
import { DELETE, withValue } from './helpers.js';

const registry = getRegistry();
const ids = SchemaIds.ob20;

type Case = [name: string, pointer: string, value: unknown, error: { instancePath: string; keyword: string } | 'valid'];

function check(id: string, cases: Case[], base: () => unknown = VALID[id]!) {
  it.each(cases)('%s', (_name, pointer, value, expected) => {
    const result = registry.validate(id, withValue(base(), pointer, value));
    if (expected === 'valid') expect(result.errors).toEqual([]);
    else expect(result.errors).toContainEqual(expect.objectContaining(expected));
  });
}

const SHA = 'sha256$' + 'ab'.repeat(32);
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

describe('Assertion', () => {
  check(ids.assertion, [
    ['issuedOn without zone', '/issuedOn', '2016-12-31T23:59:59', { instancePath: '/issuedOn', keyword: 'format' }],
    ['issuedOn as a 1.x timestamp', '/issuedOn', 1483228799, { instancePath: '/issuedOn', keyword: 'type' }],
    ['issuedOn with an impossible date', '/issuedOn', '2023-02-29T00:00:00Z', { instancePath: '/issuedOn', keyword: 'format' }],
    ['expires without zone', '/expires', '2030-01-01', { instancePath: '/expires', keyword: 'format' }],
    ['id not an IRI', '/id', 'assertion-1', { instancePath: '/id', keyword: 'format' }],
    ['id as urn:uuid', '/id', 'urn:uuid:a953081a-4bbd-4927-9653-7219bca00e3b', 'valid'],
    ['type of another class', '/type', 'BadgeClass', { instancePath: '/type', keyword: 'enum' }],
    ['type array with Assertion', '/type', ['Assertion', 'extensions:Other'], 'valid'],
    ['type array without Assertion', '/type', ['Other'], { instancePath: '/type', keyword: 'contains' }],
    ['no verification', '/verification', DELETE, { instancePath: '', keyword: 'oneOf' }],
    ['verification of unknown type', '/verification/type', 'EmailedBadge', { instancePath: '/verification/type', keyword: 'enum' }],
    ['verification without type', '/verification/type', DELETE, { instancePath: '/verification', keyword: 'required' }],
    ['alias hosted', '/verification/type', 'hosted', 'valid'],
    ['image as data URI', '/image', PNG, { instancePath: '/image', keyword: 'format' }],
    ['badge by IRI', '/badge', 'https://example.org/badges/1', 'valid'],
    ['badge IRI malformed', '/badge', 'badge-1', { instancePath: '/badge', keyword: 'format' }],
    ['evidence IRI malformed', '/evidence/0', 'work.html', { instancePath: '/evidence/0', keyword: 'format' }],
    ['evidence with unknown term', '/evidence/0/score', 5, { instancePath: '/evidence/0', keyword: 'additionalProperties' }],
    ['revoked not boolean', '/revoked', 'yes', { instancePath: '/revoked', keyword: 'type' }],
    ['extension object under a compact IRI (E4)', '/extensions:exampleExtension', { '@context': 'https://openbadgespec.org/extensions/exampleExtension/context.json', type: ['Extension', 'extensions:ExampleExtension'], exampleProperty: 'x' }, 'valid'],
    ['language tag malformed', '/@language', 'english language', { instancePath: '/@language', keyword: 'format' }],
  ]);
  it('accepts the verify alias and rejects both names together', () => {
    const { verification, ...rest } = VALID[ids.assertion]!() as Record<string, unknown>;
    expect(registry.validate(ids.assertion, { ...rest, verify: verification }).valid).toBe(true);
    expect(registry.validate(ids.assertion, { ...rest, verify: verification, verification }).errors).toContainEqual(
      expect.objectContaining({ instancePath: '', keyword: 'oneOf' }),
    );
  });
});

describe('IdentityObject', () => {
  const hashed = () => ({ type: 'email', hashed: true, salt: 's', identity: SHA });
  check(ids.identityObject, [
    ['hashed with plain identity', '/identity', 'alice@example.org', { instancePath: '/identity', keyword: 'pattern' }],
    ['hashed md5 upper-case hex', '/identity', 'MD5$' + 'AB'.repeat(16), 'valid'],
    ['hashed sha256 too short', '/identity', 'sha256$abc', { instancePath: '/identity', keyword: 'pattern' }],
    ['unknown identity property', '/type', 'phone', { instancePath: '/type', keyword: 'enum' }],
  ], hashed);
  check(ids.identityObject, [
    ['unhashed but looks like a hash', '/identity', SHA, { instancePath: '/identity', keyword: 'not' }],
    ['unhashed email malformed', '/identity', 'alice', { instancePath: '/identity', keyword: 'format' }],
    ['hashed not boolean', '/hashed', 'false', { instancePath: '/hashed', keyword: 'type' }],
    ['empty identity', '/identity', '', { instancePath: '/identity', keyword: 'minLength' }],
  ]);
  check(ids.identityObject, [['unhashed telephone not E.164', '/identity', 'call me', { instancePath: '/identity', keyword: 'pattern' }]], () => ({ type: 'telephone', hashed: false, identity: '+15555550100' }));
  check(ids.identityObject, [['unhashed url not a URL', '/identity', 'example.org', { instancePath: '/identity', keyword: 'format' }]], () => ({ type: 'url', hashed: false, identity: 'https://example.org/alice' }));
  check(ids.identityObject, [['unhashed id not an IRI', '/identity', 'alice', { instancePath: '/identity', keyword: 'format' }]], () => ({ type: 'id', hashed: false, identity: 'https://example.org/users/alice' }));
});

describe('BadgeClass', () => {
  check(ids.badgeClass, [
    ['image as PNG data URI', '/image', PNG, 'valid'],
    ['image as GIF data URI', '/image', 'data:image/gif;base64,R0lGOD', { instancePath: '/image', keyword: 'format' }],
    ['embedded image id malformed', '/image/id', 'badge.png', { instancePath: '/image/id', keyword: 'format' }],
    ['criteria empty', '/criteria', {}, { instancePath: '/criteria', keyword: 'anyOf' }],
    ['criteria by URL', '/criteria', 'https://example.org/criteria', 'valid'],
    ['embedded issuer without email', '/issuer/email', DELETE, { instancePath: '/issuer', keyword: 'required' }],
    ['embedded issuer url malformed', '/issuer/url', 'example.org', { instancePath: '/issuer/url', keyword: 'format' }],
    ['alignment URL not http(s)', '/alignment/0/targetUrl', 'ftp://example.org/skill', { instancePath: '/alignment/0/targetUrl', keyword: 'format' }],
    ['alignment without name', '/alignment/0/targetName', DELETE, { instancePath: '/alignment/0', keyword: 'required' }],
    ['tags not text', '/tags', [1], { instancePath: '/tags/0', keyword: 'type' }],
  ]);
});

describe('Profile and issuer-side classes', () => {
  check(ids.profile, [
    ['telephone not E.164', '/telephone', '0800 FLOWERS', { instancePath: '/telephone', keyword: 'pattern' }],
    ['url not a URL', '/url', 'example.org', { instancePath: '/url', keyword: 'format' }],
    ['type Issuer', '/type', 'Issuer', 'valid'],
    ['verification policy starts-with malformed', '/verification', { startsWith: 'assertions/' }, { instancePath: '/verification/startsWith', keyword: 'format' }],
  ]);
  check(ids.verificationObject, [
    ['unknown type', '/type', 'Bogus', { instancePath: '/type', keyword: 'enum' }],
    ['creator not an IRI', '/creator', 'key-1', { instancePath: '/creator', keyword: 'format' }],
    ['allowed origin not a host name', '/allowedOrigins', 'not a host!', { instancePath: '/allowedOrigins', keyword: 'format' }],
  ]);
  check(ids.image, [['GIF data URI', '/id', 'data:image/gif;base64,R0lGOD', { instancePath: '/id', keyword: 'format' }]]);
  check(ids.criteria, [
    ['narrative alone', '/id', DELETE, 'valid'],
    ['id not an IRI', '/id', 'criteria', { instancePath: '/id', keyword: 'format' }],
  ]);
  it('rejects criteria with neither id nor narrative', () => {
    expect(registry.validate(ids.criteria, { type: 'Criteria' }).errors).toContainEqual(expect.objectContaining({ keyword: 'anyOf' }));
  });
  check(ids.evidence, [['id not an IRI', '/id', 'work', { instancePath: '/id', keyword: 'format' }]]);
  check(ids.alignment, [['targetUrl malformed', '/targetUrl', 'skills', { instancePath: '/targetUrl', keyword: 'format' }]]);
  check(ids.endorsement, [
    ['claim without id', '/claim/id', DELETE, { instancePath: '/claim', keyword: 'required' }],
    ['issuedOn without zone', '/issuedOn', '2016-12-31T23:59:59', { instancePath: '/issuedOn', keyword: 'format' }],
    ['verification without type', '/verification', {}, { instancePath: '/verification', keyword: 'required' }],
  ]);
  check(ids.cryptographicKey, [['not a PEM public key', '/publicKeyPem', 'AAAA', { instancePath: '/publicKeyPem', keyword: 'pattern' }]]);
  check(ids.revocationList, [
    ['entry naming nothing', '/revokedAssertions/1', { revocationReason: 'x' }, { instancePath: '/revokedAssertions/1', keyword: 'anyOf' }],
    ['entry by 1.x uid', '/revokedAssertions/1', { uid: 'abc123' }, 'valid'],
    ['entry a number', '/revokedAssertions/0', 42, { instancePath: '/revokedAssertions/0', keyword: 'anyOf' }],
  ]);
});

// CLR 1.0 schemas: each accepts its valid fixture and rejects named mutations of it.
import { describe, expect, it } from 'vitest';
import { getRegistry, SchemaIds } from '../src/registry.js';
import { candidateFinalClr, CLR_VALID, finalClr } from './clr-fixtures.js';
import { DELETE, withValue } from './helpers.js';

const registry = getRegistry();
const clr = SchemaIds.clr;

type Case = [name: string, pointer: string, value: unknown, error: { instancePath: string; keyword: string } | 'valid'];

function check(id: string, cases: Case[]) {
  it('accepts the valid fixture', () => expect(registry.validate(id, CLR_VALID[id]!()).errors).toEqual([]));
  it.each(cases)('%s', (_name, pointer, value, expected) => {
    const result = registry.validate(id, withValue(CLR_VALID[id]!(), pointer, value));
    if (expected === 'valid') expect(result.errors).toEqual([]);
    else {
      expect(result.valid).toBe(false);
      expect(result.errors).toContainEqual(expect.objectContaining(expected));
    }
  });
}

const A = '/assertions/0';

describe('clr (getClr 200)', () => {
  check(clr.clr, [
    ...['@context', 'id', 'issuedOn', 'learner', 'publisher'].map((p): Case => [`missing ${p}`, `/${p}`, DELETE, { instancePath: '', keyword: 'required' }]),
    ['issuedOn without a zone', '/issuedOn', '2021-01-21T08:00:00', { instancePath: '/issuedOn', keyword: 'format' }],
    ['id not an IRI (E20)', '/id', 'clr 1', { instancePath: '/id', keyword: 'format' }],
    ['context array empty', '/@context', [], { instancePath: '/@context', keyword: 'minItems' }],
    ['context array (Final)', '/@context', ['https://purl.imsglobal.org/spec/clr/v1p0/context/clr_v1p0.jsonld'], 'valid'],
    ['partial not boolean', '/partial', 'no', { instancePath: '/partial', keyword: 'type' }],
    ['signed assertion not a JWS', '/signedAssertions/0', 'abc', { instancePath: '/signedAssertions/0', keyword: 'pattern' }],
    ['learner without id', '/learner/id', DELETE, { instancePath: '/learner', keyword: 'required' }],
    ['learner without name (Final)', '/learner/name', DELETE, 'valid'],
    ['extension object on the record (E18)', '/ext:note', { a: 1 }, 'valid'],
    ['unknown plain term (E19)', '/note', 'x', { instancePath: '', keyword: 'additionalProperties' }],
    ['assertion without recipient (E22)', `${A}/recipient`, DELETE, { instancePath: `${A}`, keyword: 'required' }],
    ['revoked assertion without recipient', `${A}`, { id: 'https://example.org/a/9', revoked: true, revocationReason: 'error' }, 'valid'],
    ['hashed identity not a hash (E22)', `${A}/recipient/identity`, 'alice@example.org', { instancePath: `${A}/recipient/identity`, keyword: 'pattern' }],
    ['achievement without issuer', `${A}/achievement/issuer`, DELETE, { instancePath: `${A}/achievement`, keyword: 'required' }],
    ['achievementType unknown', `${A}/achievement/achievementType`, 'Cookie', { instancePath: `${A}/achievement/achievementType`, keyword: 'enum' }],
    ['achievementType ext:', `${A}/achievement/achievementType`, 'ext:MicroCredential', 'valid'],
    ['ext: not at the start (E21)', `${A}/achievement/achievementType`, 'my-ext:Thing', { instancePath: `${A}/achievement/achievementType`, keyword: 'pattern' }],
    ['result without resultDescription', `${A}/results/0/resultDescription`, DELETE, { instancePath: `${A}/results/0`, keyword: 'required' }],
    ['result status unknown', `${A}/results/0/status`, 'Done', { instancePath: `${A}/results/0/status`, keyword: 'enum' }],
    ['publisher key without PEM', '/publisher/publicKey/publicKeyPem', DELETE, { instancePath: '/publisher/publicKey', keyword: 'required' }],
    ['publisher key by IRI (E24)', '/publisher/publicKey', 'https://example.org/keys/1', 'valid'],
    ['verification type unknown', '/verification/type', 'HostedBadge', { instancePath: '/verification/type', keyword: 'enum' }],
    ['email not an email (E20)', '/learner/email', 'alice', { instancePath: '/learner/email', keyword: 'format' }],
    ['birthDate not a date', '/learner/birthDate', '05/04/2001', { instancePath: '/learner/birthDate', keyword: 'format' }],
  ]);
  it('accepts a Final-only and a Candidate-Final-only record (E17)', () => {
    expect(registry.validate(clr.clr, finalClr()).errors).toEqual([]);
    expect(registry.validate(clr.clr, candidateFinalClr()).errors).toEqual([]);
  });
});

describe('clr-set (getClrs 200)', () => {
  check(clr.clrSet, [
    ['missing @context', '/@context', DELETE, { instancePath: '', keyword: 'required' }],
    ['clr without publisher', '/clrs/0/publisher', DELETE, { instancePath: '/clrs/0', keyword: 'required' }],
    ['clrs not an array', '/clrs', {}, { instancePath: '/clrs', keyword: 'type' }],
    ['signedClrs item not a JWS', '/signedClrs/0', 'x.y', { instancePath: '/signedClrs/0', keyword: 'pattern' }],
    ['empty set', '/clrs', [], 'valid'],
  ]);
});

describe('clr-payload (postClr)', () => {
  check(clr.clrPayload, [
    ['missing @context', '/@context', DELETE, { instancePath: '', keyword: 'required' }],
    ['neither clr nor signedClr (E23)', '/clr', DELETE, { instancePath: '', keyword: 'oneOf' }],
    ['both forms (E23)', '/signedClr', 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln', { instancePath: '', keyword: 'oneOf' }],
    ['clr without issuedOn', '/clr/issuedOn', DELETE, { instancePath: '/clr', keyword: 'required' }],
  ]);
});

describe('discovery', () => {
  const required = ['@context', 'name', 'authorizationUrl', 'tokenUrl', 'registrationUrl', 'scopesOffered', 'privacyPolicyUrl', 'termsOfServiceUrl'];
  check(clr.discovery, [
    ...required.map((p): Case => [`missing ${p}`, `/${p}`, DELETE, { instancePath: '', keyword: 'required' }]),
    ['tokenUrl not a URI', '/tokenUrl', 'token', { instancePath: '/tokenUrl', keyword: 'format' }],
    ['no scopes', '/scopesOffered', [], { instancePath: '/scopesOffered', keyword: 'minItems' }],
    ['a revocation URL is not a CLR 1.0 term', '/tokenRevocationUrl', 'https://example.org/revoke', { instancePath: '', keyword: 'additionalProperties' }],
    ['image as data URI', '/image', 'data:image/png;base64,iVBORw0KGgo=', 'valid'],
  ]);
});

describe('imsx_StatusInfo', () => {
  const field = '/imsx_codeMinor/imsx_codeMinorField';
  check(clr.statusInfo, [
    ['missing codeMajor', '/imsx_codeMajor', DELETE, { instancePath: '', keyword: 'required' }],
    ['missing severity', '/imsx_severity', DELETE, { instancePath: '', keyword: 'required' }],
    ['codeMajor unknown', '/imsx_codeMajor', 'error', { instancePath: '/imsx_codeMajor', keyword: 'enum' }],
    ['codeMinor from CLR 2.0', `${field}/0/imsx_codeMinorFieldValue`, 'not_found', { instancePath: `${field}/0/imsx_codeMinorFieldValue`, keyword: 'enum' }],
    ['codeMinor field list empty', field, [], { instancePath: field, keyword: 'minItems' }],
    ['codeMinor without name', `${field}/0/imsx_codeMinorFieldName`, DELETE, { instancePath: `${field}/0`, keyword: 'required' }],
    ['without codeMinor', '/imsx_codeMinor', DELETE, 'valid'],
  ]);
});

describe('CLR classes', () => {
  describe('alignment', () => check(clr.alignment, [
    ['targetUrl not a URI', '/targetUrl', 'nope', { instancePath: '/targetUrl', keyword: 'format' }],
    ['targetType unknown', '/targetType', 'Outcome', { instancePath: '/targetType', keyword: 'enum' }],
    ['without targetType (Final)', '/targetType', DELETE, 'valid'],
    ['educationalFramework (Candidate Final)', '/educationalFramework', 'Framework', 'valid'],
  ]));
  describe('association', () => check(clr.association, [
    ['associationType unknown', '/associationType', 'isSiblingOf', { instancePath: '/associationType', keyword: 'enum' }],
    ['targetId not an IRI', '/targetId', 'program', { instancePath: '/targetId', keyword: 'format' }],
  ]));
  describe('result-description', () => check(clr.resultDescription, [
    ['resultType unknown', '/resultType', 'Grade', { instancePath: '/resultType', keyword: 'enum' }],
    ['level without name', '/rubricCriterionLevels/0/name', DELETE, { instancePath: '/rubricCriterionLevels/0', keyword: 'required' }],
  ]));
  describe('evidence', () => check(clr.evidence, [
    ['artifact url not a URI (E20)', '/artifacts/0/url', 'essay', { instancePath: '/artifacts/0/url', keyword: 'format' }],
  ]));
  describe('endorsement', () => check(clr.endorsement, [
    ['claim without id', '/claim/id', DELETE, { instancePath: '/claim', keyword: 'required' }],
    ['issuer without id', '/issuer/id', DELETE, { instancePath: '/issuer', keyword: 'required' }],
    ['issuer birthDate is not an endorsement-profile term', '/issuer/birthDate', '2000-01-01', { instancePath: '/issuer', keyword: 'additionalProperties' }],
  ]));
  describe('cryptographic-key', () => check(clr.cryptographicKey, [
    ['PEM not a public key (E20)', '/publicKeyPem', 'secret', { instancePath: '/publicKeyPem', keyword: 'pattern' }],
    ['owner missing', '/owner', DELETE, { instancePath: '', keyword: 'required' }],
  ]));
  describe('revocation-list', () => check(clr.revocationList, [
    ['entry as object (E25)', '/revokedAssertions/0', { id: 'https://example.org/clrs/revoked', revocationReason: 'error' }, 'valid'],
    ['entry not an IRI', '/revokedAssertions/0', 'revoked', { instancePath: '/revokedAssertions/0', keyword: 'format' }],
  ]));
  describe('identity', () => check(clr.identity, [
    ['unhashed identity that looks hashed (E22)', '/hashed', false, { instancePath: '/identity', keyword: 'not' }],
  ]));
});

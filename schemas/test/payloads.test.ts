// Named mutations of valid fixtures: every presence, format and enum rule of our schemas can fail.
import { describe, expect, it } from 'vitest';
import { getRegistry, SchemaIds } from '../src/registry.js';
import { JWS, VALID } from './fixtures.js';
import { DELETE, withValue } from './helpers.js';

const registry = getRegistry();
const { obc, oauth } = SchemaIds;

type Case = [name: string, pointer: string, value: unknown, error: { instancePath: string; keyword: string } | 'valid'];

function check(id: string, cases: Case[]) {
  it.each(cases)('%s', (_name, pointer, value, expected) => {
    const result = registry.validate(id, withValue(VALID[id]!(), pointer, value));
    if (expected === 'valid') {
      expect(result.errors).toEqual([]);
    } else {
      expect(result.valid).toBe(false);
      expect(result.errors).toContainEqual(expect.objectContaining(expected));
    }
  });
}

const api = '/badgeConnectAPI/0';

describe('obc manifest', () => {
  const apiRequired = ['name', 'apiBase', 'version', 'termsOfServiceUrl', 'privacyPolicyUrl', 'scopesOffered', 'registrationUrl', 'authorizationUrl', 'tokenUrl'];
  check(obc.manifest, [
    ...apiRequired.map((p): Case => [`missing ${p}`, `${api}/${p}`, DELETE, { instancePath: api, keyword: 'required' }]),
    ...['apiBase', 'termsOfServiceUrl', 'privacyPolicyUrl', 'registrationUrl', 'authorizationUrl', 'tokenUrl', 'tokenRevocationUrl', 'image'].map(
      (p): Case => [`${p} not a URI`, `${api}/${p}`, 'not a uri', { instancePath: `${api}/${p}`, keyword: 'format' }],
    ),
    ['id not a URI', '/id', 'manifest', { instancePath: '/id', keyword: 'format' }],
    ['version not vMAJORpMINOR (E9)', `${api}/version`, '2.1', { instancePath: `${api}/version`, keyword: 'pattern' }],
    ['no scopes', `${api}/scopesOffered`, [], { instancePath: `${api}/scopesOffered`, keyword: 'minItems' }],
    ['scope not a URI', `${api}/scopesOffered/0`, 'assertion.readonly', { instancePath: `${api}/scopesOffered/0`, keyword: 'format' }],
    ['no API entry', '/badgeConnectAPI', [], { instancePath: '/badgeConnectAPI', keyword: 'minItems' }],
    ['unknown API property', `${api}/extra`, 1, { instancePath: api, keyword: 'additionalProperties' }],
    ['tokenRevocationUrl null (E12)', `${api}/tokenRevocationUrl`, null, 'valid'],
    ['without @context', '/@context', DELETE, 'valid'],
    ['@context object (E2)', '/@context', { obi: 'https://purl.imsglobal.org/spec/ob/vocab#' }, 'valid'],
    ['@context number', '/@context', 1, { instancePath: '/@context', keyword: 'type' }],
  ]);
});

describe('obc status and envelopes', () => {
  check(obc.status, [
    ['statusCode beyond int32', '/statusCode', 2 ** 31, { instancePath: '/statusCode', keyword: 'format' }],
    ['statusCode fractional', '/statusCode', 200.5, { instancePath: '/statusCode', keyword: 'type' }],
    ['statusCode as text', '/statusCode', '200', { instancePath: '/statusCode', keyword: 'type' }],
    ['statusText outside the enum', '/statusText', 'FINE', { instancePath: '/statusText', keyword: 'enum' }],
    ['error absent (E3)', '/error', DELETE, 'valid'],
    ['error text', '/error', 'details', 'valid'],
    ['error a number', '/error', 5, { instancePath: '/error', keyword: 'type' }],
    ['per-endpoint value left to the runner (E7)', '/statusText', 'INVALID_BADGE', 'valid'],
  ]);
  check(obc.errorResponse, [
    ['status not an object', '/status', 'NOT_FOUND', { instancePath: '/status', keyword: 'type' }],
    ['status without statusText (E6)', '/status/statusText', DELETE, { instancePath: '/status', keyword: 'required' }],
    ['extra status property', '/status/detail', 'x', { instancePath: '/status', keyword: 'additionalProperties' }],
  ]);
  check(obc.getAssertions200, [
    ['no results', '/assertions', DELETE, 'valid'],
    ['assertions null (E12)', '/assertions', null, 'valid'],
    ['signed assertion not compact JWS (E10)', '/signedAssertions/0', 'abc.def', { instancePath: '/signedAssertions/0', keyword: 'pattern' }],
    ['assertion issuedOn without zone', '/assertions/0/issuedOn', '2024-01-02T03:04:05', { instancePath: '/assertions/0/issuedOn', keyword: 'format' }],
    ['assertion is a string', '/assertions/0', 'https://example.org/assertions/1', { instancePath: '/assertions/0', keyword: 'type' }],
  ]);
  check(obc.postAssertionRequest, [
    ['empty body (E13)', '/assertion', DELETE, { instancePath: '', keyword: 'anyOf' }],
    ['null assertion only (E13)', '/assertion', null, { instancePath: '', keyword: 'anyOf' }],
    ['signed assertion instead', '/signedAssertion', JWS, 'valid'],
    ['signed assertion malformed', '/signedAssertion', 'not-a-jws', { instancePath: '/signedAssertion', keyword: 'pattern' }],
    ['assertion without recipient', '/assertion/recipient', DELETE, { instancePath: '/assertion', keyword: 'required' }],
  ]);
  it('accepts a signed assertion next to a null assertion', () => {
    expect(registry.validate(obc.postAssertionRequest, { assertion: null, signedAssertion: JWS }).valid).toBe(true);
  });
  check(obc.getProfile200, [
    ['profile of the wrong type', '/profile/type', 'Assertion', { instancePath: '/profile/type', keyword: 'enum' }],
    ['profile email malformed', '/profile/email', 'alice', { instancePath: '/profile/email', keyword: 'format' }],
  ]);
  check(obc.postProfile200, [['profile id not an IRI', '/profile/id', 'alice', { instancePath: '/profile/id', keyword: 'format' }]]);
  check(obc.postProfileRequest, [
    ['extra email as array', '/email', ['alice@example.org', 'a@example.com'], 'valid'],
    ['telephone not E.164', '/telephone', '555-0100', { instancePath: '/telephone', keyword: 'pattern' }],
  ]);
});

describe('oauth', () => {
  const urls = ['client_uri', 'logo_uri', 'tos_uri', 'policy_uri'];
  check(oauth.registrationRequest, [
    ...urls.map((p): Case => [`${p} not a URI`, `/${p}`, 'example.org/x', { instancePath: `/${p}`, keyword: 'format' }]),
    ['no redirect URI', '/redirect_uris', [], { instancePath: '/redirect_uris', keyword: 'minItems' }],
    ['relative redirect URI', '/redirect_uris/0', '/callback', { instancePath: '/redirect_uris/0', keyword: 'format' }],
    ['client_secret_post', '/token_endpoint_auth_method', 'client_secret_post', { instancePath: '/token_endpoint_auth_method', keyword: 'const' }],
    ['implicit grant', '/grant_types/1', 'implicit', { instancePath: '/grant_types/1', keyword: 'enum' }],
    ['refresh grant alone', '/grant_types', ['refresh_token'], { instancePath: '/grant_types', keyword: 'contains' }],
    ['token response type', '/response_types/0', 'token', { instancePath: '/response_types/0', keyword: 'const' }],
    ['empty scope', '/scope', '', { instancePath: '/scope', keyword: 'pattern' }],
    ['defaults left out', '/grant_types', DELETE, 'valid'],
  ]);
  check(oauth.registrationResponse, [
    ['issued-at as text', '/client_id_issued_at', '1700000000', { instancePath: '/client_id_issued_at', keyword: 'type' }],
    ['expiry fractional', '/client_secret_expires_at', 1.5, { instancePath: '/client_secret_expires_at', keyword: 'type' }],
    ['expiry negative', '/client_secret_expires_at', -1, { instancePath: '/client_secret_expires_at', keyword: 'minimum' }],
  ]);
  check(oauth.tokenResponse, [
    ['lower-case bearer', '/token_type', 'bearer', 'valid'],
    ['mac token', '/token_type', 'mac', { instancePath: '/token_type', keyword: 'pattern' }],
    ['expires_in as text', '/expires_in', '3600', { instancePath: '/expires_in', keyword: 'type' }],
    ['no refresh token', '/refresh_token', DELETE, 'valid'],
  ]);
  check(oauth.errorResponse, [
    ['code with a quote', '/error', 'bad"code', { instancePath: '/error', keyword: 'pattern' }],
    ['error_uri not a URI', '/error_uri', 'docs', { instancePath: '/error_uri', keyword: 'format' }],
    ['description with a backslash', '/error_description', 'a\\b', { instancePath: '/error_description', keyword: 'pattern' }],
  ]);
});

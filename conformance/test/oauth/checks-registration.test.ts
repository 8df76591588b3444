import { describe, expect, it } from 'vitest';
import { ensureOAuthError } from '../../src/checks/oauth/ensure-oauth-error.js';
import { ensureRegisteredMetadataKept } from '../../src/checks/oauth/ensure-registered-metadata-kept.js';
import { ensureRegistrationRefusedOrSafe } from '../../src/checks/oauth/ensure-registration-refused-or-safe.js';
import { ensureRegistrationResponse } from '../../src/checks/oauth/ensure-registration-response.js';
import { exchangeOf, verdict } from './helpers.js';

const REQUEST = {
  client_name: 'Client',
  client_uri: 'https://client.example.com/',
  logo_uri: 'https://client.example.com/logo.png',
  tos_uri: 'https://client.example.com/tos',
  policy_uri: 'https://client.example.com/privacy',
  software_id: 'client',
  software_version: '1.0',
  redirect_uris: ['https://client.example.com/cb'],
  token_endpoint_auth_method: 'client_secret_basic',
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  scope: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.readonly offline_access',
};
const RESPONSE = { ...REQUEST, client_id: 'c-1', client_secret: 's-123456', client_id_issued_at: 1_700_000_000, client_secret_expires_at: 0 };
const mutate = (changes: Record<string, unknown>) => Object.fromEntries(Object.entries({ ...RESPONSE, ...changes }).filter(([, v]) => v !== undefined));

describe('ensure-registration-response', () => {
  it('passes the four generated fields', () => {
    expect(verdict(ensureRegistrationResponse, RESPONSE).outcome).toBe('pass');
  });
  it.each([
    ['no-client-id', { client_id: undefined }],
    ['empty-secret', { client_secret: '' }],
    ['issued-at-string', { client_id_issued_at: '1700000000' }],
    ['expires-at-fraction', { client_secret_expires_at: 1.5 }],
  ])('fails %s', (_n, changes) => {
    expect(verdict(ensureRegistrationResponse, mutate(changes)).outcome).toBe('fail');
  });
});

describe('ensure-registered-metadata-kept', () => {
  it('passes an unchanged echo, and one without the defaulted fields', () => {
    expect(verdict(ensureRegisteredMetadataKept, { request: REQUEST, response: RESPONSE }).outcome).toBe('pass');
    const defaults = mutate({ token_endpoint_auth_method: undefined, response_types: undefined, scope: 'offline_access' });
    expect(verdict(ensureRegisteredMetadataKept, { request: REQUEST, response: defaults }).outcome).toBe('pass');
  });
  it.each([
    ['other-redirect', { redirect_uris: ['https://client.example.com/other'] }],
    ['post-auth', { token_endpoint_auth_method: 'client_secret_post' }],
    ['implicit-grant', { grant_types: ['authorization_code', 'implicit'] }],
    ['token-response-type', { response_types: ['code', 'token'] }],
    ['wider-scope', { scope: `${REQUEST.scope} https://example.com/other` }],
    ['name-not-echoed', { client_name: undefined }],
  ])('fails %s', (_n, changes) => {
    expect(verdict(ensureRegisteredMetadataKept, { request: REQUEST, response: mutate(changes) }).outcome).toBe('fail');
  });
});

describe('ensure-oauth-error', () => {
  const check = ensureOAuthError([400], ['invalid_client_metadata']);
  const refused = { status: 400, body: { error: 'invalid_client_metadata', error_description: 'client_uri is required' } };
  it('passes the expected status and code', () => {
    expect(verdict(check, exchangeOf(refused)).outcome).toBe('pass');
  });
  it.each([
    ['accepted', { status: 201, body: RESPONSE }],
    ['other-status', { ...refused, status: 422 }],
    ['other-code', { ...refused, body: { error: 'invalid_request' } }],
    ['html-body', { status: 400, body: '<p>bad</p>' }],
    ['error-not-string', { status: 400, body: { error: 42 } }],
  ])('fails %s', (_n, res) => {
    expect(verdict(check, exchangeOf(res)).outcome).toBe('fail');
  });
});

describe('ensure-registration-refused-or-safe', () => {
  const check = ensureRegistrationRefusedOrSafe('auth method', (r) =>
    r.token_endpoint_auth_method === 'client_secret_post' ? 'kept client_secret_post' : undefined,
  );
  it('passes a refusal and a corrected registration', () => {
    expect(verdict(check, exchangeOf({ status: 400, body: { error: 'invalid_client_metadata' } })).outcome).toBe('pass');
    expect(verdict(check, exchangeOf({ status: 201, body: RESPONSE })).outcome).toBe('pass');
  });
  it('fails an unchanged acceptance and other statuses', () => {
    expect(verdict(check, exchangeOf({ status: 201, body: mutate({ token_endpoint_auth_method: 'client_secret_post' }) })).outcome).toBe('fail');
    expect(verdict(check, exchangeOf({ status: 500, body: 'oops' })).outcome).toBe('fail');
  });
});

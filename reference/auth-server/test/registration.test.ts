import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPES, clientMetadata, startServer, type TestServer } from './helpers.js';

/** RFC 7591 + Badge Connect (OB 2.1 §Registration). */
describe('POST /register', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  const post = (body: string, contentType = 'application/json') =>
    fetch(`${server.origin}/register`, { method: 'POST', headers: { 'content-type': contentType }, body });

  it('answers 201 with the metadata, credentials and no-store headers', async () => {
    const res = await post(JSON.stringify(clientMetadata({ contacts: ['ignored@example.com'] })));
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('pragma')).toBe('no-cache');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      client_name: 'Example Backpack',
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      scope: Object.values(SCOPES).join(' '),
      client_secret_expires_at: 0,
    });
    expect(body.client_secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(typeof body.client_id).toBe('string');
    expect(body.client_id_issued_at).toBe(Math.floor(Date.UTC(2026, 0, 1) / 1000));
    expect(body).not.toHaveProperty('contacts');
  });

  it('fills in defaults and accepts a narrower scope', async () => {
    const res = await post(JSON.stringify(clientMetadata({ grant_types: undefined, scope: SCOPES.assertionRead })));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ grant_types: ['authorization_code'], response_types: ['code'], scope: SCOPES.assertionRead });
  });

  it('accepts http on loopback hosts', async () => {
    for (const host of ['127.0.0.1:8080', 'localhost', '[::1]:3000', '127.1.2.3']) {
      const base = `http://${host}`;
      const res = await post(JSON.stringify(clientMetadata({
        client_uri: `${base}/`, logo_uri: `${base}/logo.png`, tos_uri: `${base}/tos`, policy_uri: `${base}/privacy`, redirect_uris: [`${base}/cb`],
      })));
      expect(res.status, host).toBe(201);
    }
  });

  const refusals: [string, Record<string, unknown>, 'invalid_client_metadata' | 'invalid_redirect_uri'][] = [
    ['missing client_name', { client_name: undefined }, 'invalid_client_metadata'],
    ['missing client_uri', { client_uri: undefined }, 'invalid_client_metadata'],
    ['missing logo_uri', { logo_uri: undefined }, 'invalid_client_metadata'],
    ['missing tos_uri', { tos_uri: undefined }, 'invalid_client_metadata'],
    ['missing policy_uri', { policy_uri: undefined }, 'invalid_client_metadata'],
    ['missing software_id', { software_id: undefined }, 'invalid_client_metadata'],
    ['missing software_version', { software_version: undefined }, 'invalid_client_metadata'],
    ['empty client_name', { client_name: '' }, 'invalid_client_metadata'],
    ['non-string client_name', { client_name: 42 }, 'invalid_client_metadata'],
    ['missing redirect_uris', { redirect_uris: undefined }, 'invalid_redirect_uri'],
    ['empty redirect_uris', { redirect_uris: [] }, 'invalid_redirect_uri'],
    ['redirect_uris not an array', { redirect_uris: 'https://client.example.com/cb' }, 'invalid_redirect_uri'],
    ['http redirect URI', { redirect_uris: ['http://client.example.com/cb'] }, 'invalid_redirect_uri'],
    ['redirect URI with fragment', { redirect_uris: ['https://client.example.com/cb#x'] }, 'invalid_redirect_uri'],
    ['redirect URI with empty fragment', { redirect_uris: ['https://client.example.com/cb#'] }, 'invalid_redirect_uri'],
    ['redirect URI with surrounding whitespace', { redirect_uris: [' https://client.example.com/cb'] }, 'invalid_redirect_uri'],
    ['relative redirect URI', { redirect_uris: ['/cb'] }, 'invalid_redirect_uri'],
    ['custom-scheme redirect URI', { redirect_uris: ['com.example.app:/cb'] }, 'invalid_redirect_uri'],
    ['redirect URI on another host', { redirect_uris: ['https://other.example.com/cb'] }, 'invalid_redirect_uri'],
    ['http client_uri', { client_uri: 'http://client.example.com/' }, 'invalid_client_metadata'],
    ['http logo_uri', { logo_uri: 'http://client.example.com/logo.png' }, 'invalid_client_metadata'],
    ['tos_uri on another host', { tos_uri: 'https://tos.example.org/' }, 'invalid_client_metadata'],
    ['policy_uri not a URL', { policy_uri: 'privacy' }, 'invalid_client_metadata'],
    ['URL with credentials', { client_uri: 'https://user:pw@client.example.com/' }, 'invalid_client_metadata'],
    ['client_secret_post', { token_endpoint_auth_method: 'client_secret_post' }, 'invalid_client_metadata'],
    ['auth method none', { token_endpoint_auth_method: 'none' }, 'invalid_client_metadata'],
    ['implicit grant', { grant_types: ['authorization_code', 'implicit'] }, 'invalid_client_metadata'],
    ['client_credentials grant', { grant_types: ['client_credentials'] }, 'invalid_client_metadata'],
    ['refresh_token only', { grant_types: ['refresh_token'] }, 'invalid_client_metadata'],
    ['empty grant_types', { grant_types: [] }, 'invalid_client_metadata'],
    ['response_types token', { response_types: ['token'] }, 'invalid_client_metadata'],
    ['response_types code and token', { response_types: ['code', 'token'] }, 'invalid_client_metadata'],
    ['unoffered scope', { scope: `${SCOPES.assertionRead} https://example.com/admin` }, 'invalid_client_metadata'],
    ['scope not a string', { scope: [SCOPES.assertionRead] }, 'invalid_client_metadata'],
    ['empty scope', { scope: ' ' }, 'invalid_client_metadata'],
  ];

  it.each(refusals)('refuses %s with 400 %s', async (_name, overrides, code) => {
    const res = await post(JSON.stringify(clientMetadata(overrides)));
    expect(res.status).toBe(400);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.error).toBe(code);
    expect(typeof body.error_description).toBe('string');
  });

  it.each([
    ['malformed JSON', '{"client_name":', 'application/json'],
    ['a JSON array', '[]', 'application/json'],
    ['JSON null', 'null', 'application/json'],
    ['a form body', 'client_name=x', 'application/x-www-form-urlencoded'],
    ['text/plain JSON', JSON.stringify(clientMetadata()), 'text/plain'],
  ])('refuses %s with 400 invalid_client_metadata', async (_name, body, contentType) => {
    const res = await post(body, contentType);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_client_metadata');
  });

  it('refuses a body over 100 kB with 413 in the OAuth envelope', async () => {
    const res = await post(JSON.stringify(clientMetadata({ padding: 'x'.repeat(110_000) })));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_request');
  });

  it('issues distinct client ids and secrets', async () => {
    const a = (await (await post(JSON.stringify(clientMetadata()))).json()) as Record<string, string>;
    const b = (await (await post(JSON.stringify(clientMetadata()))).json()) as Record<string, string>;
    expect(a.client_id).not.toBe(b.client_id);
    expect(a.client_secret).not.toBe(b.client_secret);
  });
});

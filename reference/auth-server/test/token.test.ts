import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIRECT_URI, SCOPES, authorize, basic, pkce, exchangeCode, introspect, obtainTokens, postForm, register, startServer, type RegisteredClient, type TestServer } from './helpers.js';

/** RFC 6749 §4.1.3 / §5.2, RFC 7636 §4.5-4.6. */
describe('POST /token (authorization_code)', () => {
  let server: TestServer;
  let client: RegisteredClient;
  let other: RegisteredClient;
  beforeAll(async () => {
    server = await startServer();
    client = await register(server.origin);
    other = await register(server.origin);
  });
  afterAll(() => server.close());

  const fresh = async () => {
    const { location, verifier } = await authorize(server.origin, client);
    return { code: location.searchParams.get('code') ?? '', verifier };
  };

  /** `authorization: null` sends none; `body: 'dup'` repeats `code`. */
  type Req = { fields: Record<string, string>; authorization?: string | null; query?: string; body?: 'json' | 'dup' };
  type Case = [string, (f: { code: string; verifier: string }) => Req, number, string];
  const base = (f: { code: string; verifier: string }) => ({ grant_type: 'authorization_code', code: f.code, redirect_uri: REDIRECT_URI, code_verifier: f.verifier });
  const without = (o: Record<string, string>, key: string) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key));

  const cases: Case[] = [
    ['no client authentication', (f) => ({ fields: base(f), authorization: null }), 401, 'invalid_client'],
    ['a wrong client secret', (f) => ({ fields: base(f), authorization: basic(client.client_id, 'wrong') }), 401, 'invalid_client'],
    ['an unknown client id', (f) => ({ fields: base(f), authorization: basic('nobody', 'x') }), 401, 'invalid_client'],
    ['malformed Basic credentials', (f) => ({ fields: base(f), authorization: 'Basic !!!' }), 401, 'invalid_client'],
    ['a Bearer authorization header', (f) => ({ fields: base(f), authorization: 'Bearer abc' }), 401, 'invalid_client'],
    ['client_secret in the body (client_secret_post)', (f) => ({ fields: { ...base(f), client_id: client.client_id, client_secret: client.client_secret }, authorization: null }), 401, 'invalid_client'],
    ['client_secret in the body besides Basic', (f) => ({ fields: { ...base(f), client_secret: client.client_secret } }), 401, 'invalid_client'],
    ['a body client_id that differs from Basic', (f) => ({ fields: { ...base(f), client_id: other.client_id } }), 400, 'invalid_request'],
    ['parameters in the query string', (f) => ({ fields: base(f), query: `?code=${f.code}` }), 400, 'invalid_request'],
    ['a JSON body', (f) => ({ fields: base(f), body: 'json' }), 400, 'invalid_request'],
    ['missing grant_type', (f) => ({ fields: without(base(f), 'grant_type') }), 400, 'invalid_request'],
    ['grant_type password', (f) => ({ fields: { ...base(f), grant_type: 'password' } }), 400, 'unsupported_grant_type'],
    ['grant_type client_credentials', (f) => ({ fields: { ...base(f), grant_type: 'client_credentials' } }), 400, 'unsupported_grant_type'],
    ['missing code', (f) => ({ fields: without(base(f), 'code') }), 400, 'invalid_request'],
    ['missing redirect_uri', (f) => ({ fields: without(base(f), 'redirect_uri') }), 400, 'invalid_request'],
    ['missing code_verifier', (f) => ({ fields: without(base(f), 'code_verifier') }), 400, 'invalid_request'],
    ['a code_verifier that is too short', (f) => ({ fields: { ...base(f), code_verifier: 'a'.repeat(42) } }), 400, 'invalid_request'],
    ['a code_verifier that is too long', (f) => ({ fields: { ...base(f), code_verifier: 'a'.repeat(129) } }), 400, 'invalid_request'],
    ['a code_verifier with illegal characters', (f) => ({ fields: { ...base(f), code_verifier: `${'a'.repeat(50)}+/=` } }), 400, 'invalid_request'],
    ['a wrong code_verifier', (f) => ({ fields: { ...base(f), code_verifier: 'b'.repeat(43) } }), 400, 'invalid_grant'],
    ['the verifier of another flow', (f) => ({ fields: { ...base(f), code_verifier: pkce().verifier } }), 400, 'invalid_grant'],
    ['an unknown code', (f) => ({ fields: { ...base(f), code: 'no-such-code' } }), 400, 'invalid_grant'],
    ['a different redirect_uri', (f) => ({ fields: { ...base(f), redirect_uri: `${REDIRECT_URI}/` } }), 400, 'invalid_grant'],
    ['another client\'s credentials', (f) => ({ fields: base(f), authorization: basic(other.client_id, other.client_secret) }), 400, 'invalid_grant'],
    ['a scope wider than granted', (f) => ({ fields: { ...base(f), scope: SCOPES.assertionCreate } }), 400, 'invalid_scope'],
    ['a repeated parameter', (f) => ({ fields: base(f), body: 'dup' }), 400, 'invalid_request'],
  ];

  it.each(cases)('refuses %s with %i %s', async (_name, build, status, code) => {
    const f = await fresh();
    const req = build(f);
    const authorization = req.authorization === undefined ? basic(client.client_id, client.client_secret) : req.authorization;
    const headers: Record<string, string> = { 'content-type': req.body === 'json' ? 'application/json' : 'application/x-www-form-urlencoded' };
    if (authorization !== null) headers.authorization = authorization;
    let body = req.body === 'json' ? JSON.stringify(req.fields) : new URLSearchParams(req.fields).toString();
    if (req.body === 'dup') body += `&code=${encodeURIComponent(f.code)}`;
    const res = await fetch(`${server.origin}/token${req.query ?? ''}`, { method: 'POST', headers, body });
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error).toBe(code);
    if (status === 401) expect(res.headers.get('www-authenticate')).toMatch(/^Basic /);
    // A refused request does not burn the code: the legitimate client can still redeem it.
    expect((await exchangeCode(server.origin, client, f.code, f.verifier)).status).toBe(200);
  });

  it('narrows the scope when asked', async () => {
    const f = await fresh();
    const res = await exchangeCode(server.origin, client, f.code, f.verifier, { scope: SCOPES.assertionRead });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.scope).toBe(SCOPES.assertionRead);
    expect(body.refresh_token).toBeUndefined();
  });

  it('a replayed code is refused and every token issued from it is revoked', async () => {
    const tokens = await obtainTokens(server.origin, client);
    expect((await introspect(server.origin, tokens.access_token)).active).toBe(true);
    const replay = await exchangeCode(server.origin, client, tokens.code, tokens.verifier);
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as { error: string }).error).toBe('invalid_grant');
    expect(await introspect(server.origin, tokens.access_token)).toEqual({ active: false });
    const refreshed = await postForm(`${server.origin}/token`, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' }, { authorization: basic(client.client_id, client.client_secret) });
    expect(((await refreshed.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('issues no refresh token without offline_access or without the registered refresh_token grant', async () => {
    const noOffline = await obtainTokens(server.origin, client, { scope: SCOPES.assertionRead });
    expect(noOffline.refresh_token).toBeUndefined();
    const codeOnly = await register(server.origin, { grant_types: ['authorization_code'] });
    const tokens = await obtainTokens(server.origin, codeOnly);
    expect(tokens.scope).toContain('offline_access');
    expect(tokens.refresh_token).toBeUndefined();
  });

  it('access tokens are opaque and distinct', async () => {
    const a = await obtainTokens(server.origin, client);
    const b = await obtainTokens(server.origin, client);
    expect(a.access_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.access_token).not.toBe(b.access_token);
  });
});

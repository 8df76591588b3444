import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RS, basic, introspect, obtainTokens, postForm, refresh, register, revoke, startServer, type RegisteredClient, type TestServer } from './helpers.js';

describe('POST /revoke (RFC 7009)', () => {
  let server: TestServer;
  let client: RegisteredClient;
  let other: RegisteredClient;
  beforeAll(async () => {
    server = await startServer();
    client = await register(server.origin);
    other = await register(server.origin);
  });
  afterAll(() => server.close());

  it('revoking an access token ends that token only', async () => {
    const t = await obtainTokens(server.origin, client);
    const res = await revoke(server.origin, client, t.access_token);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await introspect(server.origin, t.access_token)).toEqual({ active: false });
    expect((await refresh(server.origin, client, t.refresh_token ?? '')).status).toBe(200);
  });

  it('revoking a refresh token ends the grant, access tokens included, whatever the hint says', async () => {
    const t = await obtainTokens(server.origin, client);
    expect((await revoke(server.origin, client, t.refresh_token ?? '', 'access_token')).status).toBe(200);
    expect(await introspect(server.origin, t.access_token)).toEqual({ active: false });
    expect((await refresh(server.origin, client, t.refresh_token ?? '')).status).toBe(400);
  });

  it('answers 200 for unknown tokens and unknown hints', async () => {
    expect((await revoke(server.origin, client, 'no-such-token')).status).toBe(200);
    expect((await revoke(server.origin, client, 'no-such-token', 'something_else')).status).toBe(200);
  });

  const refusals: [string, () => Promise<Response>, number, string][] = [
    ['no client authentication', () => postForm(`${server.origin}/revoke`, { token: 'x' }), 401, 'invalid_client'],
    ['a wrong client secret', () => postForm(`${server.origin}/revoke`, { token: 'x' }, { authorization: basic(client.client_id, 'wrong') }), 401, 'invalid_client'],
    ['client_secret in the body', () => postForm(`${server.origin}/revoke`, { token: 'x', client_id: client.client_id, client_secret: client.client_secret }), 401, 'invalid_client'],
    ['resource-server credentials', () => postForm(`${server.origin}/revoke`, { token: 'x' }, { authorization: basic(RS.clientId, RS.clientSecret) }), 401, 'invalid_client'],
    ['missing token', () => postForm(`${server.origin}/revoke`, {}, { authorization: basic(client.client_id, client.client_secret) }), 400, 'invalid_request'],
    ['a query string', () => postForm(`${server.origin}/revoke?token=x`, { token: 'x' }, { authorization: basic(client.client_id, client.client_secret) }), 400, 'invalid_request'],
  ];
  it.each(refusals)('refuses %s with %i %s', async (_name, send, status, code) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error).toBe(code);
  });

  it("a client cannot revoke another client's token", async () => {
    const t = await obtainTokens(server.origin, client);
    const res = await revoke(server.origin, other, t.access_token);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_request');
    expect((await introspect(server.origin, t.access_token)).active).toBe(true);
  });
});

describe('POST /introspect (RFC 7662)', () => {
  let server: TestServer;
  let client: RegisteredClient;
  beforeAll(async () => {
    server = await startServer();
    client = await register(server.origin);
  });
  afterAll(() => server.close());

  it('reports an active token with the contract fields and no-store', async () => {
    const t = await obtainTokens(server.origin, client);
    const res = await postForm(`${server.origin}/introspect`, { token: t.access_token, token_type_hint: 'access_token' }, { authorization: basic(RS.clientId, RS.clientSecret) });
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['active', 'client_id', 'exp', 'iat', 'iss', 'scope', 'sub', 'token_type']);
    expect(body).toMatchObject({ active: true, client_id: client.client_id, sub: 'urn:example:user:alice', token_type: 'Bearer', iss: server.origin });
  });

  it('a refresh token or an unknown token is inactive', async () => {
    const t = await obtainTokens(server.origin, client);
    expect(await introspect(server.origin, t.refresh_token ?? '')).toEqual({ active: false });
    expect(await introspect(server.origin, 'garbage')).toEqual({ active: false });
  });

  const refusals: [string, () => Promise<Response>, number, string][] = [
    ['no authentication', () => postForm(`${server.origin}/introspect`, { token: 'x' }), 401, 'invalid_client'],
    ['a wrong secret', () => postForm(`${server.origin}/introspect`, { token: 'x' }, { authorization: basic(RS.clientId, 'wrong') }), 401, 'invalid_client'],
    ['client credentials instead of a resource server', () => postForm(`${server.origin}/introspect`, { token: 'x' }, { authorization: basic(client.client_id, client.client_secret) }), 401, 'invalid_client'],
    ['missing token', () => postForm(`${server.origin}/introspect`, {}, { authorization: basic(RS.clientId, RS.clientSecret) }), 400, 'invalid_request'],
    ['a JSON body', () => fetch(`${server.origin}/introspect`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: basic(RS.clientId, RS.clientSecret) }, body: '{"token":"x"}' }), 400, 'invalid_request'],
  ];
  it.each(refusals)('refuses %s with %i %s', async (_name, send, status, code) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error).toBe(code);
    if (status === 401) expect(res.headers.get('www-authenticate')).toMatch(/^Basic /);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPES, basic, introspect, obtainTokens, postForm, refresh, register, startServer, type RegisteredClient, type TestServer } from './helpers.js';

/** RFC 6749 §6 with rotation and reuse detection (OAuth 2.0 Security BCP §4.14). */
describe('POST /token (refresh_token)', () => {
  let server: TestServer;
  let client: RegisteredClient;
  let other: RegisteredClient;
  beforeAll(async () => {
    server = await startServer();
    client = await register(server.origin);
    other = await register(server.origin);
  });
  afterAll(() => server.close());

  const errorOf = async (res: Response) => [res.status, ((await res.json()) as { error: string }).error];

  it('rotates on every use', async () => {
    const t0 = await obtainTokens(server.origin, client);
    const r1 = (await (await refresh(server.origin, client, t0.refresh_token ?? '')).json()) as Record<string, string>;
    const r2 = (await (await refresh(server.origin, client, r1.refresh_token ?? '')).json()) as Record<string, string>;
    expect(new Set([t0.refresh_token, r1.refresh_token, r2.refresh_token]).size).toBe(3);
    expect(r2.scope).toBe(t0.scope);
  });

  it('reusing a rotated refresh token revokes the whole family', async () => {
    const t0 = await obtainTokens(server.origin, client);
    const r1 = (await (await refresh(server.origin, client, t0.refresh_token ?? '')).json()) as Record<string, string>;
    expect(await errorOf(await refresh(server.origin, client, t0.refresh_token ?? ''))).toEqual([400, 'invalid_grant']);
    expect(await introspect(server.origin, r1.access_token ?? '')).toEqual({ active: false });
    expect(await introspect(server.origin, t0.access_token)).toEqual({ active: false });
    expect(await errorOf(await refresh(server.origin, client, r1.refresh_token ?? ''))).toEqual([400, 'invalid_grant']);
  });

  it('may narrow the scope, and later return to the original grant', async () => {
    const t0 = await obtainTokens(server.origin, client);
    const narrowed = (await (await refresh(server.origin, client, t0.refresh_token ?? '', { scope: SCOPES.assertionRead })).json()) as Record<string, string>;
    expect(narrowed.scope).toBe(SCOPES.assertionRead);
    expect((await introspect(server.origin, narrowed.access_token ?? '')).scope).toBe(SCOPES.assertionRead);
    const back = (await (await refresh(server.origin, client, narrowed.refresh_token ?? '')).json()) as Record<string, string>;
    expect(back.scope).toBe(t0.scope);
  });

  const refusals: [string, (rt: string) => { fields: Record<string, string>; authorization?: string }, number, string][] = [
    ['missing refresh_token', () => ({ fields: { grant_type: 'refresh_token' } }), 400, 'invalid_request'],
    ['an unknown refresh token', () => ({ fields: { grant_type: 'refresh_token', refresh_token: 'nope' } }), 400, 'invalid_grant'],
    ['an access token instead', () => ({ fields: { grant_type: 'refresh_token', refresh_token: 'ACCESS' } }), 400, 'invalid_grant'],
    ['another client', (rt) => ({ fields: { grant_type: 'refresh_token', refresh_token: rt }, authorization: basic(other.client_id, other.client_secret) }), 400, 'invalid_grant'],
    ['a wider scope', (rt) => ({ fields: { grant_type: 'refresh_token', refresh_token: rt, scope: SCOPES.profileUpdate } }), 400, 'invalid_scope'],
    ['a malformed scope', (rt) => ({ fields: { grant_type: 'refresh_token', refresh_token: rt, scope: 'a\\b' } }), 400, 'invalid_scope'],
    ['a wrong client secret', (rt) => ({ fields: { grant_type: 'refresh_token', refresh_token: rt }, authorization: basic(client.client_id, 'x') }), 401, 'invalid_client'],
  ];

  it.each(refusals)('refuses %s with %i %s', async (_name, build, status, code) => {
    const tokens = await obtainTokens(server.origin, client, { scope: `${SCOPES.assertionRead} ${SCOPES.offline}` });
    const req = build(tokens.refresh_token ?? '');
    if (req.fields.refresh_token === 'ACCESS') req.fields.refresh_token = tokens.access_token;
    const res = await postForm(`${server.origin}/token`, req.fields, { authorization: req.authorization ?? basic(client.client_id, client.client_secret) });
    expect(await errorOf(res)).toEqual([status, code]);
    // A refusal that is not reuse leaves the refresh token usable.
    expect((await refresh(server.origin, client, tokens.refresh_token ?? '')).status).toBe(200);
  });

  it('a client that did not register refresh_token gets unauthorized_client', async () => {
    const codeOnly = await register(server.origin, { grant_types: ['authorization_code'] });
    const res = await postForm(`${server.origin}/token`, { grant_type: 'refresh_token', refresh_token: 'whatever' }, { authorization: basic(codeOnly.client_id, codeOnly.client_secret) });
    expect(await errorOf(res)).toEqual([400, 'unauthorized_client']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPES, authorize, authorizeUrl, exchangeCode, introspect, pkce, readForm, register, refresh, revoke, startServer, postForm, REDIRECT_URI, type TestServer } from './helpers.js';

describe('Badge Connect authorization code flow, end to end', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('register → authorize → sign in → consent → token → introspect → refresh → revoke → inactive', async () => {
    const { origin } = server;
    const client = await register(origin);
    expect(client.scope.split(' ')).toContain(SCOPES.offline);

    const { verifier, challenge } = pkce();
    const start = await fetch(authorizeUrl(origin, client, { code_challenge: challenge }), { redirect: 'manual' });
    expect(start.status).toBe(200);
    expect(start.headers.get('content-security-policy')).toContain("default-src 'none'");
    const loginForm = readForm(await start.text());
    expect(loginForm.action).toBe('/authorize/login');
    expect(Object.keys(loginForm.fields).sort()).toEqual(['csrf', 'password', 'transaction', 'username']);

    const loginRes = await postForm(`${origin}/authorize/login`, { ...loginForm.fields, username: 'alice', password: 'alice-demo-password' });
    expect(loginRes.status).toBe(200);
    const setCookie = loginRes.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^auth_session=[A-Za-z0-9_-]+;/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    const consentHtml = await loginRes.text();
    expect(consentHtml).toContain('Example Backpack');
    expect(consentHtml).toContain('Read your badges');
    expect(consentHtml).toContain('https://client.example.com/tos');
    const consentForm = readForm(consentHtml);
    expect(consentForm.action).toBe('/authorize/consent');
    expect(consentForm.buttons[0]).toEqual({ name: 'decision', value: 'approve' });

    const consentRes = await postForm(`${origin}/authorize/consent`, { ...consentForm.fields, decision: 'approve' });
    expect(consentRes.status).toBe(303);
    const location = new URL(consentRes.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get('state')).toBe('state-123');
    expect(location.searchParams.get('iss')).toBe(origin);
    const code = location.searchParams.get('code') ?? '';
    expect(code.length).toBeGreaterThanOrEqual(43);

    const tokenRes = await exchangeCode(origin, client, code, verifier);
    expect(tokenRes.status).toBe(200);
    expect(tokenRes.headers.get('cache-control')).toBe('no-store');
    expect(tokenRes.headers.get('pragma')).toBe('no-cache');
    const tokens = (await tokenRes.json()) as Record<string, string | number>;
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: `${SCOPES.assertionRead} ${SCOPES.profileRead} ${SCOPES.offline}` });
    expect(typeof tokens.refresh_token).toBe('string');

    const active = await introspect(origin, String(tokens.access_token));
    expect(active).toMatchObject({ active: true, client_id: client.client_id, sub: 'urn:example:user:alice', token_type: 'Bearer', scope: tokens.scope });
    expect(Number(active.exp) - Number(active.iat)).toBe(3600);

    const refreshRes = await refresh(origin, client, String(tokens.refresh_token));
    expect(refreshRes.status).toBe(200);
    const rotated = (await refreshRes.json()) as Record<string, string>;
    expect(rotated.refresh_token).toBeDefined();
    expect(rotated.refresh_token).not.toBe(tokens.refresh_token);
    expect(rotated.access_token).not.toBe(tokens.access_token);
    expect((await introspect(origin, rotated.access_token ?? '')).active).toBe(true);

    const revokeRes = await revoke(origin, client, rotated.refresh_token ?? '', 'refresh_token');
    expect(revokeRes.status).toBe(200);
    expect(await introspect(origin, rotated.access_token ?? '')).toEqual({ active: false });
    expect(await introspect(origin, String(tokens.access_token))).toEqual({ active: false });
    expect((await refresh(origin, client, rotated.refresh_token ?? '')).status).toBe(400);
  });

  it('a signed-in browser goes straight to consent', async () => {
    const client = await register(server.origin);
    const { cookie } = await authorize(server.origin, client);
    const res = await fetch(authorizeUrl(server.origin, client, { code_challenge: pkce().challenge }), { headers: { cookie: cookie ?? '' }, redirect: 'manual' });
    expect(res.status).toBe(200);
    expect(readForm(await res.text()).action).toBe('/authorize/consent');
  });

  it('the user denying consent redirects with access_denied and state', async () => {
    const client = await register(server.origin);
    const { location } = await authorize(server.origin, client, { decision: 'deny' });
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('state-123');
    expect(location.searchParams.get('code')).toBeNull();
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { authorize, authorizeUrl, exchangeCode, introspect, obtainTokens, pkce, postForm, readForm, refresh, register, startServer, type TestServer } from './helpers.js';

/** Lifetimes, driven by a fake clock; nothing here waits. */
describe('expiry', () => {
  let server: TestServer;
  afterEach(() => server.close());

  it('codes expire after codeTtlSeconds (60 s by default)', async () => {
    server = await startServer();
    const client = await register(server.origin);
    const { location, verifier } = await authorize(server.origin, client);
    server.clock.advance(61);
    const res = await exchangeCode(server.origin, client, location.searchParams.get('code') ?? '', verifier);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('access tokens expire after expires_in; the refresh token still works', async () => {
    server = await startServer({ accessTokenTtlSeconds: 600 });
    const client = await register(server.origin);
    const t = await obtainTokens(server.origin, client);
    expect(t.expires_in).toBe(600);
    server.clock.advance(599);
    expect((await introspect(server.origin, t.access_token)).active).toBe(true);
    server.clock.advance(1);
    expect(await introspect(server.origin, t.access_token)).toEqual({ active: false });
    expect((await refresh(server.origin, client, t.refresh_token ?? '')).status).toBe(200);
  });

  it('refresh tokens expire after refreshTokenTtlSeconds', async () => {
    server = await startServer({ refreshTokenTtlSeconds: 3600 });
    const client = await register(server.origin);
    const t = await obtainTokens(server.origin, client);
    server.clock.advance(3600);
    const res = await refresh(server.origin, client, t.refresh_token ?? '');
    expect(((await res.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('sign-in transactions expire', async () => {
    server = await startServer({ transactionTtlSeconds: 300 });
    const client = await register(server.origin);
    const page = await fetch(authorizeUrl(server.origin, client, { code_challenge: pkce().challenge }));
    const form = readForm(await page.text());
    server.clock.advance(301);
    const res = await postForm(`${server.origin}/authorize/login`, { ...form.fields, username: 'alice', password: 'alice-demo-password' });
    expect(res.status).toBe(400);
  });

  it('sessions expire', async () => {
    server = await startServer({ sessionTtlSeconds: 60 });
    const client = await register(server.origin);
    const { cookie } = await authorize(server.origin, client);
    server.clock.advance(61);
    const res = await fetch(authorizeUrl(server.origin, client, { code_challenge: pkce().challenge }), { headers: { cookie: cookie ?? '' } });
    expect(readForm(await res.text()).action).toBe('/authorize/login');
  });
});

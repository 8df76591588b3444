import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPES, authorize, exchangeCode, introspect, obtainTokens, postForm, readForm, refresh, register, startServer, type RegisteredClient, type TestServer } from './helpers.js';

/** OB 2.1 §Revocation by Resource Owner: list authorized clients, revoke each. */
describe('account page', () => {
  let server: TestServer;
  let client: RegisteredClient;
  beforeAll(async () => {
    server = await startServer();
    client = await register(server.origin, { client_name: 'Grant <Lister>' });
  });
  afterAll(() => server.close());

  async function signIn(username: string, password: string): Promise<string> {
    const page = await fetch(`${server.origin}/account`);
    expect(page.status).toBe(200);
    const form = readForm(await page.text());
    expect(form.action).toBe('/account/login');
    const res = await postForm(`${server.origin}${form.action}`, { ...form.fields, username, password });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/account');
    return res.headers.get('set-cookie')?.split(';')[0] ?? '';
  }

  const accountPage = async (cookie: string) => parse(await (await fetch(`${server.origin}/account`, { headers: { cookie } })).text());

  it('lists the clients the user authorized and revokes a grant with all its tokens', async () => {
    const tokens = await obtainTokens(server.origin, client);
    const cookie = await signIn('alice', 'alice-demo-password');
    const page = await accountPage(cookie);
    const rows = page.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(1);
    const row = rows[0];
    expect(row?.querySelector('strong')?.text).toBe('Grant <Lister>');
    expect(row?.querySelector('time')?.getAttribute('datetime')).toBe(new Date(Date.UTC(2026, 0, 1)).toISOString());
    expect(row?.text).toContain('Read your badges');
    expect(row?.text).toContain('Read your profile');
    const form = row?.querySelector('form');
    const fields = Object.fromEntries((form?.querySelectorAll('input') ?? []).map((i) => [i.getAttribute('name') ?? '', i.getAttribute('value') ?? '']));
    expect(Object.keys(fields).sort()).toEqual(['csrf', 'grant']);

    const res = await postForm(`${server.origin}/account/revoke`, fields, { cookie });
    expect(res.status).toBe(303);
    expect(await introspect(server.origin, tokens.access_token)).toEqual({ active: false });
    expect((await refresh(server.origin, client, tokens.refresh_token ?? '')).status).toBe(400);
    expect((await accountPage(cookie)).querySelectorAll('tbody tr')).toHaveLength(0);
  });

  it("does not show or revoke another user's grants", async () => {
    const { location, verifier } = await authorize(server.origin, client, { username: 'bob', password: 'bob-demo-password' });
    const bobTokens = (await (await exchangeCode(server.origin, client, location.searchParams.get('code') ?? '', verifier)).json()) as { access_token: string };
    const bobCookie = await signIn('bob', 'bob-demo-password');
    const bobRow = (await accountPage(bobCookie)).querySelector('tbody tr form');
    const grantId = bobRow?.querySelector('input[name=grant]')?.getAttribute('value') ?? '';

    const aliceCookie = await signIn('alice', 'alice-demo-password');
    const alicePage = await accountPage(aliceCookie);
    expect(alicePage.text).not.toContain(grantId);
    const csrf = alicePage.querySelector('input[name=csrf]')?.getAttribute('value') ?? '';
    const res = await postForm(`${server.origin}/account/revoke`, { grant: grantId, csrf }, { cookie: aliceCookie });
    expect(res.status).toBe(404);
    expect((await introspect(server.origin, bobTokens.access_token)).active).toBe(true);
  });

  it('refuses account forms without the session csrf token or without a session', async () => {
    const tokens = await obtainTokens(server.origin, client, { scope: SCOPES.assertionRead });
    const cookie = await signIn('alice', 'alice-demo-password');
    const form = (await accountPage(cookie)).querySelector('tbody tr form');
    const grant = form?.querySelector('input[name=grant]')?.getAttribute('value') ?? '';
    const csrf = form?.querySelector('input[name=csrf]')?.getAttribute('value') ?? '';
    expect((await postForm(`${server.origin}/account/revoke`, { grant, csrf: 'forged' }, { cookie })).status).toBe(403);
    expect((await postForm(`${server.origin}/account/revoke`, { grant, csrf })).status).toBe(403);
    expect((await introspect(server.origin, tokens.access_token)).active).toBe(true);
  });

  it('the authorization session cookie opens the account page; logout ends it', async () => {
    const { cookie } = await authorize(server.origin, client);
    const page = await accountPage(cookie ?? '');
    expect(page.querySelector('h1')?.text).toBe('Authorized applications');
    const csrf = page.querySelector('form[action="/account/logout"] input[name=csrf]')?.getAttribute('value') ?? '';
    const res = await postForm(`${server.origin}/account/logout`, { csrf }, { cookie: cookie ?? '' });
    expect(res.status).toBe(303);
    expect(res.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await accountPage(cookie ?? '')).querySelector('form')?.getAttribute('action')).toBe('/account/login');
  });

  it('a wrong password on the account sign-in is 401 without a cookie', async () => {
    const form = readForm(await (await fetch(`${server.origin}/account`)).text());
    const res = await postForm(`${server.origin}/account/login`, { ...form.fields, username: 'alice', password: 'nope' });
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});

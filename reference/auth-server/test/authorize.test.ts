import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIRECT_URI, SCOPES, authorizeUrl, pkce, postForm, readForm, register, startServer, type RegisteredClient, type TestServer } from './helpers.js';

/** RFC 6749 §4.1.1-4.1.2.1, RFC 7636, Badge Connect §Obtaining Tokens. */
describe('GET /authorize', () => {
  let server: TestServer;
  let client: RegisteredClient;
  let narrow: RegisteredClient;
  beforeAll(async () => {
    server = await startServer();
    client = await register(server.origin);
    narrow = await register(server.origin, { scope: SCOPES.assertionRead });
  });
  afterAll(() => server.close());

  const get = (url: string) => fetch(url, { redirect: 'manual' });
  const url = (params: Record<string, string | undefined>, c = client) => authorizeUrl(server.origin, c, { code_challenge: pkce().challenge, ...params });

  describe('untrusted client or redirect URI: error page, never a redirect', () => {
    it.each([
      ['missing client_id', { client_id: undefined }],
      ['unknown client_id', { client_id: 'no-such-client' }],
      ['missing redirect_uri', { redirect_uri: undefined }],
      ['unregistered redirect_uri', { redirect_uri: 'https://client.example.com/other' }],
      ['redirect_uri differing by a trailing slash', { redirect_uri: `${REDIRECT_URI}/` }],
      ['redirect_uri differing by case', { redirect_uri: REDIRECT_URI.toUpperCase() }],
      ['redirect_uri with an extra query', { redirect_uri: `${REDIRECT_URI}?x=1` }],
      ['attacker redirect_uri', { redirect_uri: 'https://attacker.example.org/callback' }],
    ])('%s → 400 HTML page', async (_name, params) => {
      const res = await get(url(params));
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    });

    it('a repeated client_id → 400 page', async () => {
      const res = await get(`${url({})}&client_id=${client.client_id}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
    });
  });

  describe('other errors redirect to the client with error, error_description and state', () => {
    it.each([
      ['missing response_type', { response_type: undefined }, 'invalid_request'],
      ['response_type token', { response_type: 'token' }, 'unsupported_response_type'],
      ['response_type "code id_token"', { response_type: 'code id_token' }, 'unsupported_response_type'],
      ['missing code_challenge', { code_challenge: undefined }, 'invalid_request'],
      ['code_challenge_method plain', { code_challenge_method: 'plain' }, 'invalid_request'],
      ['missing code_challenge_method (means plain)', { code_challenge_method: undefined }, 'invalid_request'],
      ['code_challenge_method S512', { code_challenge_method: 'S512' }, 'invalid_request'],
      ['malformed S256 challenge', { code_challenge: 'too-short' }, 'invalid_request'],
      ['unoffered scope', { scope: 'https://example.com/admin' }, 'invalid_scope'],
      ['missing scope', { scope: undefined }, 'invalid_scope'],
      ['malformed scope', { scope: 'a"b' }, 'invalid_scope'],
    ])('%s → %s', async (_name, params, code) => {
      const res = await get(url(params));
      expect(res.status).toBe(302);
      const location = new URL(res.headers.get('location') ?? '');
      expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
      expect(location.searchParams.get('error')).toBe(code);
      expect(location.searchParams.get('error_description')).toBeTruthy();
      expect(location.searchParams.get('state')).toBe('state-123');
      expect(location.searchParams.get('iss')).toBe(server.origin);
    });

    it('a scope offered but not registered by this client → invalid_scope', async () => {
      const res = await get(url({ scope: SCOPES.profileRead }, narrow));
      expect(new URL(res.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_scope');
    });

    it('missing state → invalid_request (Badge Connect requires state), without a state parameter', async () => {
      const res = await get(url({ state: undefined }));
      expect(res.status).toBe(302);
      const location = new URL(res.headers.get('location') ?? '');
      expect(location.searchParams.get('error')).toBe('invalid_request');
      expect(location.searchParams.has('state')).toBe(false);
    });

    it('a repeated scope parameter → invalid_request', async () => {
      const res = await get(`${url({})}&scope=${encodeURIComponent(SCOPES.assertionRead)}`);
      expect(new URL(res.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
    });
  });

  describe('sign-in and consent forms', () => {
    const loginPage = async () => readForm(await (await get(url({}))).text());

    it('a wrong password re-renders the form with 401 and no session', async () => {
      const form = await loginPage();
      const res = await postForm(`${server.origin}/authorize/login`, { ...form.fields, username: 'alice', password: 'wrong' });
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(await res.text()).toContain('Incorrect username or password');
    });

    it('an unknown user is refused the same way', async () => {
      const form = await loginPage();
      const res = await postForm(`${server.origin}/authorize/login`, { ...form.fields, username: 'mallory', password: 'x' });
      expect(res.status).toBe(401);
    });

    it('too many wrong passwords discard the transaction', async () => {
      const form = await loginPage();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        statuses.push((await postForm(`${server.origin}/authorize/login`, { ...form.fields, username: 'alice', password: 'wrong' })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 400, 400]);
      const late = await postForm(`${server.origin}/authorize/login`, { ...form.fields, username: 'alice', password: 'alice-demo-password' });
      expect(late.status).toBe(400);
    });

    it.each([
      ['a wrong csrf token', { csrf: 'forged' }],
      ['a missing csrf token', { csrf: '' }],
      ['an unknown transaction', { transaction: 'forged' }],
    ])('sign-in with %s → 400 page', async (_name, override) => {
      const form = await loginPage();
      const res = await postForm(`${server.origin}/authorize/login`, { ...form.fields, username: 'alice', password: 'alice-demo-password', ...override });
      expect(res.status).toBe(400);
      expect(res.headers.get('set-cookie')).toBeNull();
    });

    it('a cross-site form post is refused with 403', async () => {
      const form = await loginPage();
      const res = await postForm(
        `${server.origin}/authorize/login`,
        { ...form.fields, username: 'alice', password: 'alice-demo-password' },
        { origin: 'https://attacker.example.org' },
      );
      expect(res.status).toBe(403);
    });

    it('consent before sign-in is refused', async () => {
      const form = await loginPage();
      const res = await postForm(`${server.origin}/authorize/consent`, { transaction: form.fields.transaction ?? '', csrf: form.fields.csrf ?? '', decision: 'approve' });
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
    });

    it('consent is single-use and needs a decision', async () => {
      const form = await loginPage();
      const consentPage = await postForm(`${server.origin}/authorize/login`, { ...form.fields, username: 'bob', password: 'bob-demo-password' });
      const consent = readForm(await consentPage.text());
      const noDecision = await postForm(`${server.origin}/authorize/consent`, consent.fields);
      expect(noDecision.status).toBe(400);
      const first = await postForm(`${server.origin}/authorize/consent`, { ...consent.fields, decision: 'approve' });
      expect(first.status).toBe(303);
      const second = await postForm(`${server.origin}/authorize/consent`, { ...consent.fields, decision: 'approve' });
      expect(second.status).toBe(400);
    });

    it('consent from a browser signed in as someone else is refused', async () => {
      const form = await loginPage();
      const consentPage = await postForm(`${server.origin}/authorize/login`, { ...form.fields, username: 'alice', password: 'alice-demo-password' });
      const consent = readForm(await consentPage.text());
      const other = await loginPage();
      const bob = await postForm(`${server.origin}/authorize/login`, { ...other.fields, username: 'bob', password: 'bob-demo-password' });
      const bobCookie = bob.headers.get('set-cookie')?.split(';')[0] ?? '';
      const res = await postForm(`${server.origin}/authorize/consent`, { ...consent.fields, decision: 'approve' }, { cookie: bobCookie });
      expect(res.status).toBe(400);
    });
  });
});

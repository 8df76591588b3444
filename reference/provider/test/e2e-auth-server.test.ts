import { createHash, randomBytes } from 'node:crypto';
import type { RequestListener } from 'node:http';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp as createAuthServer } from '../../auth-server/src/app.js';
import { listen } from '../../shared/listen.js';
import { createApp as createProvider } from '../src/app.js';
import { authServerEndpoints } from '../src/auth-server-endpoints.js';
import { SCOPES, SCOPES_OFFERED } from '../src/scopes.js';
import { testSigningKeyPem } from './helpers/provider.js';

/** The provider against the real reference auth server: every token check is a real RFC 7662 call. */
const RS = { clientId: 'reference-provider', clientSecret: 'provider-introspection-secret-e2e' };
const REDIRECT_URI = 'https://client.example.com/callback';

let authOrigin: string;
let providerOrigin: string;
const closers: (() => Promise<void> | void)[] = [];

async function proxied(build: (origin: string) => { handler: RequestListener; close(): void }) {
  let handler: RequestListener | undefined;
  const server = await listen((req, res) => (handler ? handler(req, res) : res.end()), '127.0.0.1', 0);
  const app = build(server.origin);
  handler = app.handler;
  closers.push(async () => {
    await server.close();
    app.close();
  });
  return server.origin;
}

beforeAll(async () => {
  authOrigin = await proxied((origin) =>
    createAuthServer({ issuer: origin, database: ':memory:', resourceServers: [RS], logger: false }),
  );
  providerOrigin = await proxied((origin) =>
    createProvider({
      origin,
      database: ':memory:',
      authServer: authServerEndpoints(authOrigin, RS),
      logger: false,
      introspectionCacheSeconds: 0,
      signingKey: { privateKeyPem: testSigningKeyPem() },
    }),
  );
});
afterAll(async () => {
  for (const close of closers.reverse()) await close();
});

const form = (url: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });

function readForm(html: string) {
  const f = parse(html).querySelector('form');
  if (!f) throw new Error('no form');
  const fields: Record<string, string> = {};
  for (const input of f.querySelectorAll('input')) {
    const name = input.getAttribute('name');
    if (name) fields[name] = input.getAttribute('value') ?? '';
  }
  return { action: f.getAttribute('action') ?? '', fields };
}

/** Discovers the auth server through our manifest, registers, signs in as a demo user and gets a token. */
async function obtainToken(scopes: readonly string[], username = 'alice', password = 'alice-demo-password') {
  const api = ((await (await fetch(`${providerOrigin}/.well-known/badgeconnect.json`)).json()) as { badgeConnectAPI: Record<string, string>[] })
    .badgeConnectAPI[0] as Record<string, string>;
  const reg = await fetch(api.registrationUrl as string, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_name: 'E2E Backpack',
      client_uri: 'https://client.example.com/',
      logo_uri: 'https://client.example.com/logo.png',
      tos_uri: 'https://client.example.com/tos',
      policy_uri: 'https://client.example.com/privacy',
      software_id: 'urn:example:software:e2e',
      software_version: '1.0.0',
      redirect_uris: [REDIRECT_URI],
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      scope: SCOPES_OFFERED.join(' '),
    }),
  });
  expect(reg.status).toBe(201);
  const client = (await reg.json()) as { client_id: string; client_secret: string };
  const basic = `Basic ${Buffer.from(`${encodeURIComponent(client.client_id)}:${encodeURIComponent(client.client_secret)}`).toString('base64')}`;

  const verifier = randomBytes(32).toString('base64url');
  const authorize = new URL(api.authorizationUrl as string);
  for (const [k, v] of Object.entries({
    response_type: 'code',
    client_id: client.client_id,
    redirect_uri: REDIRECT_URI,
    scope: scopes.join(' '),
    state: 'e2e-state',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  })) authorize.searchParams.set(k, v);
  const start = await fetch(authorize, { redirect: 'manual' });
  expect(start.status).toBe(200);
  const login = readForm(await start.text());
  const loggedIn = await form(`${authOrigin}${login.action}`, { ...login.fields, username, password });
  const consent = readForm(await loggedIn.text());
  const approved = await form(`${authOrigin}${consent.action}`, { ...consent.fields, decision: 'approve' });
  expect(approved.status).toBe(303);
  const code = new URL(approved.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const tokenRes = await form(
    api.tokenUrl as string,
    { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier },
    { authorization: basic },
  );
  expect(tokenRes.status).toBe(200);
  const { access_token } = (await tokenRes.json()) as { access_token: string };
  const revoke = () => form(api.tokenRevocationUrl as string, { token: access_token, token_type_hint: 'access_token' }, { authorization: basic });
  return { token: access_token, revoke };
}

const call = (path: string, token: string, init: RequestInit = {}) =>
  fetch(`${providerOrigin}/ims/ob/v2p1${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });

describe('provider with the reference auth server', () => {
  it('serves alice\u2019s data to a token obtained through the manifest\u2019s endpoints', async () => {
    const { token } = await obtainToken(SCOPES_OFFERED);
    const list = await call('/assertions?limit=5', token);
    expect(list.status).toBe(200);
    expect(list.headers.get('x-total-count')).toBe('23');
    const profile = (await (await call('/profile', token)).json()) as { profile: { id: string } };
    expect(profile.profile.id).toBe('urn:example:user:alice');
  });

  it('keeps bob to his own records', async () => {
    const { token } = await obtainToken([SCOPES.assertionReadonly], 'bob', 'bob-demo-password');
    const list = await call('/assertions', token);
    expect(list.headers.get('x-total-count')).toBe('5');
  });

  it('enforces the granted scopes', async () => {
    const { token } = await obtainToken([SCOPES.assertionReadonly]);
    expect((await call('/assertions', token)).status).toBe(200);
    const denied = await call('/profile', token);
    expect(denied.status).toBe(401);
    expect(((await denied.json()) as { status: { statusText: string } }).status.statusText).toBe('PERMISSION_DENIED');
  });

  it('rejects an access token on the next call after the consumer revokes it', async () => {
    const { token, revoke } = await obtainToken([SCOPES.profileReadonly]);
    expect((await call('/profile', token)).status).toBe(200);
    expect((await revoke()).status).toBe(200);
    const after = await call('/profile', token);
    expect(after.status).toBe(401);
    expect(((await after.json()) as { status: { statusText: string } }).status.statusText).toBe('UNAUTHENTICATED');
  });
});

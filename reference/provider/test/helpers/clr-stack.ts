import { createHash, randomBytes } from 'node:crypto';
import type { RequestListener } from 'node:http';
import { parse } from 'node-html-parser';
import type { Logger } from 'pino';
import { createApp as createAuthServer } from '../../../auth-server/src/app.js';
import type { DemoUser } from '../../../shared/demo-users.js';
import { listen } from '../../../shared/listen.js';
import { createFetcher, type Fetcher } from '../../../../verification/src/index.js';
import { createApp as createProvider } from '../../src/app.js';
import { authServerEndpoints } from '../../src/auth-server-endpoints.js';
import { CLR_SCOPES_OFFERED, SCOPES_OFFERED } from '../../src/scopes.js';
import { ALICE, testSigningKeyPem } from './provider.js';

/**
 * The provider and the real reference auth server, both on real sockets: every CLR test token comes from
 * the real OAuth flow (registration, sign-in, consent, PKCE code exchange) and is checked by introspection.
 */
export const CLR = '/ims/clr/v1p0';
export { CLR_SCOPES, CLR_SCOPES_OFFERED } from '../../src/scopes.js';

const RS = { clientId: 'reference-provider', clientSecret: 'provider-introspection-secret-clr' };
const REDIRECT_URI = 'https://client.example.com/callback';
const PASSWORDS: Record<string, string> = { alice: 'alice-demo-password', bob: 'bob-demo-password' };

async function proxied(build: (origin: string) => { handler: RequestListener; close(): void }) {
  let handler: RequestListener | undefined;
  const server = await listen((req, res) => (handler ? handler(req, res) : res.end()), '127.0.0.1', 0);
  const app = build(server.origin);
  handler = app.handler;
  return {
    origin: server.origin,
    close: async () => {
      await server.close();
      app.close();
    },
  };
}

/** The reference auth server (shareable by several providers: they all use the same resource-server credential). */
export function startAuthServer() {
  return proxied((origin) => createAuthServer({ issuer: origin, database: ':memory:', resourceServers: [RS], logger: false }));
}
export type AuthServer = Awaited<ReturnType<typeof startAuthServer>>;

const form = (url: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields).toString() });

function readForm(html: string) {
  const f = parse(html).querySelector('form');
  if (!f) throw new Error('no form on the page');
  const fields: Record<string, string> = {};
  for (const input of f.querySelectorAll('input')) {
    const name = input.getAttribute('name');
    if (name) fields[name] = input.getAttribute('value') ?? '';
  }
  return { action: f.getAttribute('action') ?? '', fields };
}

export interface StackOptions {
  faults?: string[];
  logger?: Logger;
  /** SQLite file; default in-memory. */
  database?: string;
  auth?: AuthServer;
  clock?: () => number;
}

export async function startClrStack(opts: StackOptions = {}) {
  const auth = opts.auth ?? (await startAuthServer());
  const provider = await proxied((origin) =>
    createProvider({
      origin,
      database: opts.database ?? ':memory:',
      faults: opts.faults ?? [],
      authServer: authServerEndpoints(auth.origin, RS),
      logger: opts.logger ?? false,
      introspectionCacheSeconds: 0,
      signingKey: { privateKeyPem: testSigningKeyPem() },
      ...(opts.clock ? { clock: opts.clock } : {}),
    }),
  );
  const origin = provider.origin;
  const discovery = (await (await fetch(`${origin}${CLR}/discovery`)).json()) as Record<string, string>;
  const reg = await fetch(discovery.registrationUrl ?? `${auth.origin}/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_name: 'CLR Test Wallet',
      client_uri: 'https://client.example.com/',
      logo_uri: 'https://client.example.com/logo.png',
      tos_uri: 'https://client.example.com/tos',
      policy_uri: 'https://client.example.com/privacy',
      software_id: 'urn:example:software:clr-tests',
      software_version: '1.0.0',
      redirect_uris: [REDIRECT_URI],
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      scope: [...CLR_SCOPES_OFFERED, ...SCOPES_OFFERED].join(' '),
    }),
  });
  if (reg.status !== 201) throw new Error(`registration failed: ${reg.status}`);
  const client = (await reg.json()) as { client_id: string; client_secret: string };
  const basic = `Basic ${Buffer.from(`${encodeURIComponent(client.client_id)}:${encodeURIComponent(client.client_secret)}`).toString('base64')}`;

  /** Signs in as `user`, approves `scopes` and exchanges the code: a real access token. */
  async function obtainToken(scopes: readonly string[] = CLR_SCOPES_OFFERED, user: DemoUser = ALICE) {
    const verifier = randomBytes(32).toString('base64url');
    const authorize = new URL(discovery.authorizationUrl ?? `${auth.origin}/authorize`);
    const params = {
      response_type: 'code',
      client_id: client.client_id,
      redirect_uri: REDIRECT_URI,
      scope: scopes.join(' '),
      state: 'clr-state',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    };
    for (const [k, v] of Object.entries(params)) authorize.searchParams.set(k, v);
    const login = readForm(await (await fetch(authorize, { redirect: 'manual' })).text());
    const loggedIn = await form(`${auth.origin}${login.action}`, { ...login.fields, username: user.username, password: PASSWORDS[user.username] ?? '' });
    const consent = readForm(await loggedIn.text());
    const approved = await form(`${auth.origin}${consent.action}`, { ...consent.fields, decision: 'approve' });
    const code = new URL(approved.headers.get('location') ?? '', REDIRECT_URI).searchParams.get('code') ?? '';
    const tokenUrl = discovery.tokenUrl ?? `${auth.origin}/token`;
    const res = await form(tokenUrl, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier }, { authorization: basic });
    if (res.status !== 200) throw new Error(`token request failed: ${res.status}`);
    const { access_token } = (await res.json()) as { access_token: string };
    const revoke = () => form(`${auth.origin}/revoke`, { token: access_token, token_type_hint: 'access_token' }, { authorization: basic });
    return { token: access_token, revoke };
  }

  const tokens = new Map<string, string>();
  /** A cached token per (user, scopes). */
  async function token(scopes: readonly string[] = CLR_SCOPES_OFFERED, user: DemoUser = ALICE): Promise<string> {
    const key = `${user.id} ${[...scopes].sort().join(' ')}`;
    const cached = tokens.get(key);
    if (cached) return cached;
    const fresh = (await obtainToken(scopes, user)).token;
    tokens.set(key, fresh);
    return fresh;
  }

  /** fetch against the provider; `token` adds the bearer header, `json` a JSON body. */
  const call = (path: string, init: RequestInit & { token?: string; json?: unknown } = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    return fetch(path.startsWith('http') ? path : `${origin}${path}`, { ...init, headers, body, redirect: 'manual' });
  };

  /** A verification fetcher that may reach the network; getClr URLs are fetched with the bearer token. */
  const fetcherWith = (bearer: string): Fetcher =>
    createFetcher({
      allowNetwork: true,
      fetchImpl: (url, init) => {
        const headers = new Headers(init?.headers);
        if (String(url).startsWith(`${origin}${CLR}/`)) headers.set('authorization', `Bearer ${bearer}`);
        return fetch(url, { ...init, headers });
      },
    });

  return {
    origin,
    authOrigin: auth.origin,
    discovery,
    obtainToken,
    token,
    call,
    fetcherWith,
    async close() {
      await provider.close();
      if (!opts.auth) await auth.close();
    },
  };
}

export type ClrStack = Awaited<ReturnType<typeof startClrStack>>;

import { createHash, randomBytes } from 'node:crypto';
import { parse } from 'node-html-parser';
import { listen } from '../../shared/listen.js';
import { createApp, type AuthServerOptions } from '../src/app.js';

export const SCOPES = {
  assertionRead: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.readonly',
  assertionCreate: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.create',
  profileRead: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.readonly',
  profileUpdate: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.update',
  // The CLR 1.0 scopes, offered by default too (same order as the server's OFFERED_SCOPES).
  clrReadonly: 'https://purl.imsglobal.org/spec/clr/v1p0/scope/readonly',
  clrReplace: 'https://purl.imsglobal.org/spec/clr/v1p0/scope/replace',
  clrDelete: 'https://purl.imsglobal.org/spec/clr/v1p0/scope/delete',
  offline: 'offline_access',
} as const;

export const RS = { clientId: 'provider.example.com', clientSecret: 'resource-server-secret-for-tests' };
export const REDIRECT_URI = 'https://client.example.com/callback';

export interface FakeClock {
  now: () => number;
  advance(seconds: number): void;
}

export function fakeClock(start = Date.UTC(2026, 0, 1)): FakeClock {
  let t = start;
  return { now: () => t, advance: (s) => void (t += s * 1000) };
}

export interface TestServer {
  origin: string;
  clock: FakeClock;
  close(): Promise<void>;
}

export async function startServer(options: Partial<AuthServerOptions> = {}): Promise<TestServer> {
  const clock = fakeClock();
  // The issuer must equal the listening origin, which is known only after listen: proxy the handler.
  let handler: ReturnType<typeof createApp>['handler'] | undefined;
  const server = await listen((req, res) => (handler ? handler(req, res) : res.end()), '127.0.0.1', 0);
  const app = createApp({
    issuer: server.origin,
    database: ':memory:',
    resourceServers: [RS],
    logger: false,
    clock: clock.now,
    ...options,
  });
  handler = app.handler;
  return {
    origin: server.origin,
    clock,
    async close() {
      await server.close();
      app.close();
    },
  };
}

export function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
}

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function clientMetadata(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    client_name: 'Example Backpack',
    client_uri: 'https://client.example.com/',
    logo_uri: 'https://client.example.com/logo.png',
    tos_uri: 'https://client.example.com/tos',
    policy_uri: 'https://client.example.com/privacy',
    software_id: 'urn:example:software:backpack',
    software_version: '1.0.0',
    redirect_uris: [REDIRECT_URI],
    grant_types: ['authorization_code', 'refresh_token'],
    ...overrides,
  };
}

export interface RegisteredClient {
  client_id: string;
  client_secret: string;
  scope: string;
  redirect_uris: string[];
  [key: string]: unknown;
}

export async function register(origin: string, overrides: Record<string, unknown> = {}): Promise<RegisteredClient> {
  const res = await fetch(`${origin}/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(clientMetadata(overrides)),
  });
  if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as RegisteredClient;
}

export function postForm(url: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

export interface HtmlForm {
  action: string;
  fields: Record<string, string>;
  buttons: { name: string; value: string }[];
}

/** Reads the first form of a page the way a headless client would. */
export function readForm(html: string): HtmlForm {
  const form = parse(html).querySelector('form');
  if (!form) throw new Error('no form on the page');
  const fields: Record<string, string> = {};
  for (const input of form.querySelectorAll('input')) {
    const name = input.getAttribute('name');
    if (name) fields[name] = input.getAttribute('value') ?? '';
  }
  const buttons = form.querySelectorAll('button').map((b) => ({ name: b.getAttribute('name') ?? '', value: b.getAttribute('value') ?? '' }));
  return { action: form.getAttribute('action') ?? '', fields, buttons };
}

export function authorizeUrl(origin: string, client: RegisteredClient, params: Record<string, string | undefined> = {}): string {
  const url = new URL(`${origin}/authorize`);
  const defaults: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: client.client_id,
    redirect_uri: REDIRECT_URI,
    scope: `${SCOPES.assertionRead} ${SCOPES.profileRead} ${SCOPES.offline}`,
    state: 'state-123',
    code_challenge_method: 'S256',
  };
  for (const [k, v] of Object.entries({ ...defaults, ...params })) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}

export interface AuthorizationResult {
  location: URL;
  verifier: string;
  cookie?: string;
}

/** GET /authorize → sign-in form → consent form → redirect; returns the redirect Location. */
export async function authorize(
  origin: string,
  client: RegisteredClient,
  options: { params?: Record<string, string | undefined>; username?: string; password?: string; decision?: 'approve' | 'deny' } = {},
): Promise<AuthorizationResult> {
  const { verifier, challenge } = pkce();
  const start = await fetch(authorizeUrl(origin, client, { code_challenge: challenge, ...options.params }), { redirect: 'manual' });
  if (start.status !== 200) throw new Error(`authorize: ${start.status}`);
  const login = readForm(await start.text());
  const loginRes = await postForm(`${origin}${login.action}`, {
    ...login.fields,
    username: options.username ?? 'alice',
    password: options.password ?? 'alice-demo-password',
  });
  if (loginRes.status !== 200) throw new Error(`login: ${loginRes.status}`);
  const cookie = loginRes.headers.get('set-cookie')?.split(';')[0];
  const consent = readForm(await loginRes.text());
  const consentRes = await postForm(`${origin}${consent.action}`, { ...consent.fields, decision: options.decision ?? 'approve' });
  if (consentRes.status !== 303) throw new Error(`consent: ${consentRes.status}`);
  return { location: new URL(consentRes.headers.get('location') ?? ''), verifier, cookie };
}

export async function exchangeCode(origin: string, client: RegisteredClient, code: string, verifier: string, extra: Record<string, string> = {}): Promise<Response> {
  return postForm(
    `${origin}/token`,
    { grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier, ...extra },
    { authorization: basic(client.client_id, client.client_secret) },
  );
}

export interface Tokens {
  access_token: string;
  refresh_token?: string;
  scope: string;
  expires_in?: number;
  token_type: string;
}

/** Register-free shortcut: authorize as alice with consent and exchange the code. */
export async function obtainTokens(origin: string, client: RegisteredClient, params?: Record<string, string | undefined>): Promise<Tokens & { code: string; verifier: string }> {
  const { location, verifier } = await authorize(origin, client, { params });
  const code = location.searchParams.get('code');
  if (!code) throw new Error(`no code: ${location}`);
  const res = await exchangeCode(origin, client, code, verifier);
  if (res.status !== 200) throw new Error(`token: ${res.status} ${await res.text()}`);
  return { ...((await res.json()) as Tokens), code, verifier };
}

export async function refresh(origin: string, client: RegisteredClient, refreshToken: string, extra: Record<string, string> = {}): Promise<Response> {
  return postForm(
    `${origin}/token`,
    { grant_type: 'refresh_token', refresh_token: refreshToken, ...extra },
    { authorization: basic(client.client_id, client.client_secret) },
  );
}

export async function introspect(origin: string, token: string): Promise<Record<string, unknown>> {
  const res = await postForm(`${origin}/introspect`, { token }, { authorization: basic(RS.clientId, RS.clientSecret) });
  if (res.status !== 200) throw new Error(`introspect: ${res.status}`);
  return (await res.json()) as Record<string, unknown>;
}

export async function revoke(origin: string, client: RegisteredClient, token: string, hint?: string): Promise<Response> {
  const fields: Record<string, string> = { token };
  if (hint) fields.token_type_hint = hint;
  return postForm(`${origin}/revoke`, fields, { authorization: basic(client.client_id, client.client_secret) });
}

/**
 * A small consumer written with fetch, used as the candidate in the emulator tests. Correct by default;
 * each fault switches one behaviour off, with the same names as the reference wallet's faults.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { TriggerFunction } from '../../../src/emulators/trigger.js';
import { PATHS } from '../../../src/emulators/types.js';

export type TestFault =
  | 'skip-pkce' | 'pkce-plain' | 'omit-state' | 'ignore-state-mismatch' | 'omit-software-id' | 'client-secret-post'
  | 'first-page-only' | 'token-in-query' | 'unoffered-scope' | 'no-refresh' | 'retry-forever' | 'ignore-post-error' | 'extension-fields'
  // Faults only this test consumer has (the wallet's code cannot be talked into them):
  | 'register-before-discovery' | 'http-redirect-uri' | 'redirect-uris-two-hosts' | 'omit-token-redirect-uri'
  | 'invalid-payload' | 'skip-profile' | 'silent-on-failure'
  | 'offset-as-page' | 'first-api-entry' | 'fixed-state' | 'short-state' | 'all-scopes' | 'replay-code'
  | 'ignore-granted-scope' | 'bare-clr';

export interface TestConsumerOptions {
  family: 'obc' | 'clr';
  faults?: TestFault[];
  /** OB 2.0 assertion to POST (write plan); nothing is posted without it. */
  send?: Record<string, unknown>;
  /** OB 2.0 profile to POST (optional call of the write plan). */
  profile?: Record<string, unknown>;
  /** Page size asked for with ?limit=; none by default. */
  limit?: number;
  /** CLR 1.0 Clr to POST in a ClrPayload (postClr); nothing is posted without it. */
  sendClr?: Record<string, unknown>;
}

const OB = 'https://purl.imsglobal.org/spec/ob/v2p1/scope/';
const CLR = 'https://purl.imsglobal.org/spec/clr/v1p0/scope/';
const CLR_CONTEXT = 'https://purl.imsglobal.org/spec/clr/v1p0/context/clr_v1p0.jsonld';
/** A state that looks random but is the same on every run (fault fixed-state). */
const FIXED_STATE = 'kq3VJ0b7yXw2dT9mZ1sL8fHcN4pR6uYeA5gBiOjWtQx';
const LOOPBACK_REDIRECT = 'http://127.0.0.1:9/callback';
class Stop extends Error {}
const rnd = () => randomBytes(32).toString('base64url');

export function testConsumer(options: TestConsumerOptions): TriggerFunction {
  const has = (f: TestFault) => options.faults?.includes(f) ?? false;
  const REDIRECT = has('http-redirect-uri') ? 'http://wallet.example.com/callback' : LOOPBACK_REDIRECT;
  return async (urls, signal) => {
    const lines: string[] = [];
    const call = (url: string, init: RequestInit = {}) => fetch(url, { ...init, redirect: 'manual', signal });
    try {
      const discover = async (): Promise<Record<string, string>> => {
        const doc = (await (await call(options.family === 'obc' ? urls.manifest : urls.discovery)).json()) as Record<string, unknown>;
        if (options.family === 'clr') return doc as Record<string, string>;
        const entries = doc.badgeConnectAPI as Record<string, unknown>[];
        const entry = has('first-api-entry') ? entries[0] : entries.find((e) => e.version === 'v2p1');
        if (!entry) throw new Stop('the manifest has no v2p1 badgeConnectAPI entry');
        return entry as Record<string, string>;
      };
      // register-before-discovery guesses the registration URL and reads the document only afterwards.
      let api = has('register-before-discovery') ? { registrationUrl: `${urls.origin}${PATHS.register}` } as Record<string, string> : await discover();
      const write = options.send !== undefined || options.profile !== undefined || options.sendClr !== undefined;
      const wanted = options.family === 'clr'
        ? [`${CLR}readonly`, ...(write || has('all-scopes') ? [`${CLR}replace`] : []), ...(has('all-scopes') ? [`${CLR}delete`] : [])]
        : [`${OB}assertion.readonly`, `${OB}profile.readonly`, ...(write || has('all-scopes') ? [`${OB}assertion.create`, `${OB}profile.update`] : [])];
      // Only what the provider offers (all-scopes asks for every scope of the API instead); offline_access is never listed.
      const offered = (api.scopesOffered ?? []) as unknown as string[];
      const scopes = has('all-scopes') || has('register-before-discovery') ? wanted : wanted.filter((s) => offered.includes(s));
      scopes.push('offline_access');
      if (has('unoffered-scope')) scopes.push(`${OB}not-offered`);
      const scope = scopes.join(' ');

      const metadata: Record<string, unknown> = {
        client_name: 'Test Consumer', client_uri: 'https://wallet.example.com/', logo_uri: 'https://wallet.example.com/logo.png',
        tos_uri: 'https://wallet.example.com/terms', policy_uri: 'https://wallet.example.com/privacy', software_id: 'urn:example:test-consumer',
        software_version: '1.0.0', redirect_uris: has('redirect-uris-two-hosts') ? [REDIRECT, 'http://localhost:9/callback'] : [REDIRECT], token_endpoint_auth_method: has('client-secret-post') ? 'client_secret_post' : 'client_secret_basic',
        grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], scope,
      };
      if (has('omit-software-id')) delete metadata.software_id;
      const reg = (await (await call(api.registrationUrl!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(metadata) })).json()) as Record<string, string>;
      const client = { id: reg.client_id!, secret: reg.client_secret! };
      if (has('register-before-discovery')) api = await discover();
      const base = options.family === 'obc' ? api.apiBase! : `${urls.origin}/ims/clr/v1p0`;

      const verifier = rnd();
      const state = has('omit-state') ? undefined : has('fixed-state') ? FIXED_STATE : has('short-state') ? randomBytes(4).toString('hex') : rnd();
      const auth = new URL(api.authorizationUrl!);
      const q = { response_type: 'code', client_id: client.id, redirect_uri: REDIRECT, scope, ...(state ? { state } : {}) } as Record<string, string>;
      if (!has('skip-pkce')) {
        q.code_challenge = has('pkce-plain') ? verifier : createHash('sha256').update(verifier).digest('base64url');
        q.code_challenge_method = has('pkce-plain') ? 'plain' : 'S256';
      }
      for (const [k, v] of Object.entries(q)) auth.searchParams.set(k, v);
      const back = new URL((await call(auth.href)).headers.get('location') ?? REDIRECT);
      if (state && !has('ignore-state-mismatch') && back.searchParams.get('state') !== state) throw new Stop('authorization refused: state mismatch');
      const code = back.searchParams.get('code');
      if (!code) throw new Stop(`authorization failed: ${back.searchParams.get('error')}`);

      const tokenRequest = async (form: Record<string, string>) => {
        const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
        if (has('client-secret-post')) Object.assign(form, { client_id: client.id, client_secret: client.secret });
        else headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(client.id)}:${encodeURIComponent(client.secret)}`).toString('base64')}`;
        const res = await call(api.tokenUrl!, { method: 'POST', headers, body: new URLSearchParams(form).toString() });
        return { status: res.status, body: (await res.json()) as Record<string, string> };
      };
      const exchange = {
        grant_type: 'authorization_code', code, ...(has('omit-token-redirect-uri') ? {} : { redirect_uri: REDIRECT }), scope,
        ...(has('skip-pkce') ? {} : { code_verifier: verifier }),
      };
      const first = await tokenRequest(exchange);
      if (first.status !== 200) throw new Stop(`token request refused: ${first.body.error}`);
      // replay-code redeems the code again "to be sure", ignoring the refusal.
      if (has('replay-code')) await tokenRequest({ ...exchange });
      const granted = (first.body.scope ?? scope).split(' ');
      let access = first.body.access_token!;
      const refresh = first.body.refresh_token;

      const apiCall = async (method: string, url: string, body?: unknown): Promise<Response> => {
        for (let attempt = 0; ; attempt++) {
          const target = new URL(url);
          const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
          if (has('token-in-query')) target.searchParams.set('access_token', access);
          else headers.authorization = `Bearer ${access}`;
          const res = await call(target.href, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
          if (res.status !== 401) return res;
          if (has('retry-forever')) { await new Promise((r) => setTimeout(r, 50)); continue; }
          if (attempt > 0 || has('no-refresh') || !refresh) throw new Stop(`the provider refused the access token (${res.status})`);
          const renewed = await tokenRequest({ grant_type: 'refresh_token', refresh_token: refresh });
          if (renewed.status !== 200) throw new Stop(`access was revoked: refresh refused (${renewed.body.error})`);
          access = renewed.body.access_token!;
        }
      };

      const walk = async (path: string, key: string) => {
        // offset-as-page asks limit/offset itself, counting offset in pages, instead of following Link next.
        const limit = options.limit ?? (has('offset-as-page') ? 5 : undefined);
        let url: string | undefined = `${base}${path}${limit ? `?limit=${limit}` : ''}`;
        let count = 0;
        for (let page = 1; url; page++) {
          const res = await apiCall('GET', url);
          if (res.status !== 200) throw new Stop(`${path} failed with ${res.status}`);
          const items = (((await res.json()) as Record<string, unknown[]>)[key] ?? []).length;
          count += items;
          const next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
          if (has('offset-as-page')) url = next ? `${base}${path}?limit=${limit}&offset=${page}` : undefined;
          else url = has('first-page-only') ? undefined : next;
        }
        lines.push(`read ${count} ${key}`);
      };
      /** A write only with a token granted its scope (ignore-granted-scope posts anyway). */
      const mayWrite = (needed: string) => has('ignore-granted-scope') || granted.includes(needed);

      if (options.family === 'clr') {
        await walk('/clrs', 'clrs');
        if (options.sendClr) {
          if (!mayWrite(`${CLR}replace`)) throw new Stop('postClr not sent: the provider did not grant the replace scope');
          const extra = has('extension-fields') ? { walletExtension: true } : {};
          const body = has('bare-clr') ? { '@context': CLR_CONTEXT, ...options.sendClr, ...extra } : { '@context': CLR_CONTEXT, clr: options.sendClr, ...extra };
          const res = await apiCall('POST', `${base}/clrs`, body);
          if (res.status !== 200 && res.status !== 201 && !has('ignore-post-error')) throw new Stop(`postClr refused: ${res.status} ${JSON.stringify(await res.json())}`);
          lines.push('sent');
        }
      } else if (!write) {
        await walk('/assertions', 'assertions');
        if (!has('skip-profile')) {
          const profile = await apiCall('GET', `${base}/profile`);
          if (profile.status !== 200) throw new Stop(`GET /profile failed with ${profile.status}`);
        }
      } else {
        const extra = has('extension-fields') ? { walletExtension: true } : {};
        const posts: [string, unknown][] = [];
        if (options.send) {
          if (!mayWrite(`${OB}assertion.create`)) throw new Stop('POST /assertions not sent: the provider did not grant assertion.create');
          const { recipient: _dropped, ...withoutRecipient } = options.send;
          posts.push(['/assertions', { assertion: has('invalid-payload') ? withoutRecipient : options.send, ...extra }]);
        }
        // POST /profile is optional: only when profile.update was granted (the emulator does not offer it by default).
        if (options.profile && (mayWrite(`${OB}profile.update`))) posts.push(['/profile', { ...options.profile, ...extra }]);
        for (const [path, body] of posts) {
          const res = await apiCall('POST', `${base}${path}`, body);
          if (res.status !== 200 && !has('ignore-post-error')) throw new Stop(`POST ${path} refused: ${res.status} ${JSON.stringify(await res.json())}`);
        }
        lines.push('sent');
      }
      lines.push('sync complete');
      return { exitCode: 0, lines };
    } catch (err) {
      if (err instanceof Stop) return has('silent-on-failure') ? { exitCode: 0, lines: [...lines, 'sync complete'] } : { exitCode: 1, lines: [...lines, err.message] };
      throw err;
    }
  };
}

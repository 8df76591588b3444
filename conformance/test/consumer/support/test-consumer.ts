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
  | 'invalid-payload' | 'skip-profile' | 'silent-on-failure';

export interface TestConsumerOptions {
  family: 'obc' | 'clr';
  faults?: TestFault[];
  /** OB 2.0 assertion to POST (write plan); nothing is posted without it. */
  send?: Record<string, unknown>;
  /** OB 2.0 profile to POST (optional call of the write plan). */
  profile?: Record<string, unknown>;
  /** Page size asked for with ?limit=; none by default. */
  limit?: number;
}

const OB = 'https://purl.imsglobal.org/spec/ob/v2p1/scope/';
const CLR_READ = 'https://purl.imsglobal.org/spec/clr/v1p0/scope/readonly';
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
        return (options.family === 'obc' ? (doc.badgeConnectAPI as Record<string, unknown>[])[0]! : doc) as Record<string, string>;
      };
      // register-before-discovery guesses the registration URL and reads the document only afterwards.
      let api = has('register-before-discovery') ? { registrationUrl: `${urls.origin}${PATHS.register}` } as Record<string, string> : await discover();
      const write = options.send !== undefined || options.profile !== undefined;
      const scopes = options.family === 'clr' ? [CLR_READ] : [`${OB}assertion.readonly`, `${OB}profile.readonly`, ...(write ? [`${OB}assertion.create`, `${OB}profile.update`] : [])];
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
      const state = has('omit-state') ? undefined : rnd();
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
        let url: string | undefined = `${base}${path}${options.limit ? `?limit=${options.limit}` : ''}`;
        let count = 0;
        while (url) {
          const res = await apiCall('GET', url);
          if (res.status !== 200) throw new Stop(`${path} failed with ${res.status}`);
          count += (((await res.json()) as Record<string, unknown[]>)[key] ?? []).length;
          const next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
          url = has('first-page-only') ? undefined : next;
        }
        lines.push(`read ${count} ${key}`);
      };

      if (options.family === 'clr') await walk('/clrs', 'clrs');
      else if (!write) {
        await walk('/assertions', 'assertions');
        if (!has('skip-profile')) {
          const profile = await apiCall('GET', `${base}/profile`);
          if (profile.status !== 200) throw new Stop(`GET /profile failed with ${profile.status}`);
        }
      } else {
        const extra = has('extension-fields') ? { walletExtension: true } : {};
        const posts: [string, unknown][] = [];
        if (options.send) {
          const { recipient: _dropped, ...withoutRecipient } = options.send;
          posts.push(['/assertions', { assertion: has('invalid-payload') ? withoutRecipient : options.send, ...extra }]);
        }
        if (options.profile) posts.push(['/profile', { ...options.profile, ...extra }]);
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

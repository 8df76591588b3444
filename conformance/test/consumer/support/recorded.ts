/** One recorded request set of a correct Badge Connect consumer, and named mutations of it, for check unit tests. */
import { createHash } from 'node:crypto';
import type { CallMeta, EmulatorCall, Route } from '../../../src/emulators/types.js';
import { buildAssertion } from '../../../src/scenarios/api/support/fixture-assertion.js';

export const ORIGIN = 'http://127.0.0.1:4000';
const OB = 'https://purl.imsglobal.org/spec/ob/v2p1/scope/';
export const SCOPE = `${OB}assertion.readonly ${OB}profile.readonly ${OB}assertion.create offline_access`;
const VERIFIER = 'v'.repeat(43) + 'erifier-verifier';
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');
const BASIC = `Basic ${Buffer.from('client-1:secret-1').toString('base64')}`;
const BEARER = { authorization: 'Bearer access-1' };
const REDIRECT = 'http://127.0.0.1:5555/callback';

interface Spec { route: Route; method?: string; path: string; query?: Record<string, string>; headers?: Record<string, string>; body?: string; status?: number; responseHeaders?: Record<string, string>; meta?: CallMeta }

function make(specs: Spec[]): EmulatorCall[] {
  return specs.map((s, i) => ({
    id: `call-${i + 1}`, seq: i + 1, at: 1_700_000_000_000 + i * 10, route: s.route, method: s.method ?? 'GET', path: s.path,
    query: new URLSearchParams(s.query ?? {}), headers: s.headers ?? {}, body: s.body ?? '', status: s.status ?? 200,
    responseHeaders: s.responseHeaders ?? {}, responseBody: '', meta: s.meta ?? {},
  }));
}

const page = (offset: number, next?: number): Spec => ({
  route: 'get-assertions', path: '/ims/ob/v2p1/assertions', query: { limit: '5', offset: String(offset) }, headers: BEARER,
  responseHeaders: { link: [`<${ORIGIN}/ims/ob/v2p1/assertions?limit=5&offset=0>; rel="first"`, ...(next === undefined ? [] : [`<${ORIGIN}/ims/ob/v2p1/assertions?limit=5&offset=${next}>; rel="next"`])].join(', ') },
  meta: { token: 'valid' },
});

export const registration = {
  client_name: 'Wallet', client_uri: 'https://wallet.example.com/', logo_uri: 'https://wallet.example.com/logo.png', tos_uri: 'https://wallet.example.com/terms',
  policy_uri: 'https://wallet.example.com/privacy', software_id: 'urn:example:wallet', software_version: '1.0', redirect_uris: [REDIRECT],
  token_endpoint_auth_method: 'client_secret_basic', grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], scope: SCOPE,
};

export function goodFlow(): EmulatorCall[] {
  const form = { grant_type: 'authorization_code', code: 'code-1', redirect_uri: REDIRECT, scope: SCOPE, code_verifier: VERIFIER };
  return make([
    { route: 'manifest', path: '/.well-known/badgeconnect.json' },
    { route: 'register', method: 'POST', path: '/oauth/register', headers: { 'content-type': 'application/json' }, body: JSON.stringify(registration), status: 201 },
    { route: 'authorize', path: '/oauth/authorize', status: 302, query: { response_type: 'code', client_id: 'client-1', redirect_uri: REDIRECT, scope: SCOPE, state: 'state-123456', code_challenge: CHALLENGE, code_challenge_method: 'S256' }, meta: { code: 'code-1', redirectState: 'state-123456' } },
    { route: 'token', method: 'POST', path: '/oauth/token', headers: { authorization: BASIC, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString(), meta: { grant: 'authorization_code' } },
    page(0, 5), page(5, 10), page(10),
    { route: 'get-profile', path: '/ims/ob/v2p1/profile', headers: BEARER, meta: { token: 'valid' } },
    { route: 'post-assertions', method: 'POST', path: '/ims/ob/v2p1/assertions', headers: { ...BEARER, 'content-type': 'application/json' }, body: JSON.stringify({ assertion: buildAssertion('learner@example.org') }) },
  ]);
}

/** Edits one call of a copy of the flow. */
export function edit(calls: EmulatorCall[], route: Route, change: (c: EmulatorCall) => void, nth = 0): EmulatorCall[] {
  const copy = calls.map((c) => ({ ...c, query: new URLSearchParams(c.query), headers: { ...c.headers }, meta: { ...c.meta } }));
  const target = copy.filter((c) => c.route === route)[nth];
  if (!target) throw new Error(`no ${route} call #${nth}`);
  change(target);
  return copy;
}

export const editJson = (c: EmulatorCall, f: (body: Record<string, unknown>) => void) => {
  const body = JSON.parse(c.body) as Record<string, unknown>;
  f(body);
  c.body = JSON.stringify(body);
};

export const editForm = (c: EmulatorCall, f: (form: URLSearchParams) => void) => {
  const form = new URLSearchParams(c.body);
  f(form);
  c.body = form.toString();
};

/** Appends calls after the flow (seq continues). */
export function append(calls: EmulatorCall[], specs: Spec[]): EmulatorCall[] {
  const more = make(specs).map((c, i) => ({ ...c, id: `extra-${i}`, seq: calls.length + i + 1 }));
  return [...calls, ...more];
}

export { BEARER, BASIC, REDIRECT };

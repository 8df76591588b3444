/**
 * The client code end to end against a small real provider in the test: what the wallet sends at each
 * step (registration, authorization, token, API, revocation), driven through the headless sync.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { runSync } from '../src/headless.js';
import { startFakeProvider, type FakeOptions, type FakeProvider } from './support/fake-provider.js';

let provider: FakeProvider | undefined;
afterEach(async () => {
  await provider?.close();
  provider = undefined;
});

async function sync(options: FakeOptions = {}, faults: string[] = [], extra: { send?: string; url?: 'manifest' | 'discovery'; timeout?: number } = {}) {
  provider = await startFakeProvider(options);
  const url = extra.url === 'discovery' ? provider.discoveryUrl : provider.manifestUrl;
  const result = await runSync({ url, dataDir: 'memory', faults, timeoutSeconds: extra.timeout ?? 10, verify: false, ...(extra.send ? { send: extra.send } : {}) });
  return { ...result, p: provider };
}

const one = (p: FakeProvider, path: string) => {
  const calls = p.calls(path);
  expect(calls.length).toBeGreaterThan(0);
  return calls[0]!;
};

describe('registration', () => {
  it('sends every Badge Connect field, on the wallet origin, with client_secret_basic and both grants', async () => {
    const { code, p } = await sync();
    expect(code).toBe(0);
    const body = JSON.parse(one(p, '/register').body) as Record<string, unknown>;
    for (const f of ['client_name', 'client_uri', 'logo_uri', 'tos_uri', 'policy_uri', 'software_id', 'software_version']) expect(body[f]).toEqual(expect.any(String));
    const origin = new URL(body.client_uri as string).origin;
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    for (const f of ['logo_uri', 'tos_uri', 'policy_uri']) expect(new URL(body[f] as string).origin).toBe(origin);
    expect(body.redirect_uris).toEqual([`${origin}/callback`]);
    expect(body.token_endpoint_auth_method).toBe('client_secret_basic');
    expect(body.grant_types).toEqual(['authorization_code', 'refresh_token']);
    expect(body.response_types).toEqual(['code']);
    expect((body.scope as string).split(' ').sort()).toEqual(
      ['assertion.readonly', 'assertion.create', 'profile.readonly'].map((s) => `https://purl.imsglobal.org/spec/ob/v2p1/scope/${s}`).concat('offline_access').sort(),
    );
  });

  it('asks a CLR provider for the readonly scope and offline_access only', async () => {
    const { code, p, lines } = await sync({}, [], { url: 'discovery' });
    expect(code).toBe(0);
    expect(JSON.parse(one(p, '/register').body).scope).toBe('https://purl.imsglobal.org/spec/clr/v1p0/scope/readonly offline_access');
    expect(lines.join('\n')).toContain('7 CLRs (0 signed) in 2 pages');
  });
});

describe('authorization and token request', () => {
  it('uses PKCE S256 and state, then exchanges the code with Basic auth and every parameter', async () => {
    const { code, p } = await sync();
    expect(code).toBe(0);
    const q = one(p, '/authorize').query;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe('client-1');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const token = one(p, '/token');
    const form = new URLSearchParams(token.body);
    expect(form.get('grant_type')).toBe('authorization_code');
    expect(form.get('redirect_uri')).toBe(q.get('redirect_uri'));
    expect(form.get('scope')).toBe(q.get('scope'));
    expect(createHash('sha256').update(form.get('code_verifier')!).digest('base64url')).toBe(q.get('code_challenge'));
    expect(form.get('client_secret')).toBeNull();
    // RFC 6749 §2.3.1: form-urlencoded before base64, so "/", "+" and "=" in the secret survive.
    expect(Buffer.from(String(token.headers.authorization).slice(6), 'base64').toString()).toBe('client-1:s3cret%2F%2B%3D');
  });

  it('rejects an authorization answer with another state, with a clear line', async () => {
    const { code, lines, p } = await sync({ wrongState: true });
    expect(code).toBe(1);
    expect(lines.at(-1)).toMatch(/^sync: failed: .*state mismatch/);
    expect(p.calls('/token')).toHaveLength(0);
  });
});

describe('API calls', () => {
  it('follows every Link next page and reads the profile, with the token in the header', async () => {
    const { code, p, lines } = await sync({ assertions: 12, pageSize: 5 });
    expect(code).toBe(0);
    const pages = p.calls('/ims/ob/v2p1/assertions');
    expect(pages.map((r) => r.query.get('offset') ?? '0')).toEqual(['0', '5', '10']);
    expect(pages.every((r) => String(r.headers.authorization).startsWith('Bearer ') && !r.query.has('access_token'))).toBe(true);
    expect(p.calls('/ims/ob/v2p1/profile')).toHaveLength(1);
    expect(lines).toContain('sync: 12 assertions (0 signed) in 3 pages');
  });

  it('refuses a next link to another origin (the token never leaves the API origin)', async () => {
    const { code, lines } = await sync({ nextLink: (offset) => `http://127.0.0.2:9/elsewhere?offset=${offset}` });
    expect(code).toBe(1);
    expect(lines.at(-1)).toContain('next page link points to another site');
  });

  it('refreshes once on 401 invalid_token, then retries with the new token', async () => {
    const { code, p } = await sync({ expireFirstCall: true });
    expect(code).toBe(0);
    const grants = p.calls('/token').map((r) => new URLSearchParams(r.body).get('grant_type'));
    expect(grants).toEqual(['authorization_code', 'refresh_token']);
    const first = p.calls('/ims/ob/v2p1/assertions').slice(0, 2).map((r) => r.headers.authorization);
    expect(first).toEqual(['Bearer at-2', 'Bearer at-3']);
    const refresh = new URLSearchParams(p.calls('/token')[1]!.body);
    expect(refresh.get('refresh_token')).toBe('rt-2');
  });

  it('stops with one line when the refresh is refused (revoked grant), without looping', async () => {
    const { code, p, lines } = await sync({ revokeAfterFirstCall: true });
    expect(code).toBe(1);
    expect(lines.at(-1)).toMatch(/^sync: failed: Access was revoked or has ended/);
    expect(p.calls('/ims/ob/v2p1/assertions')).toHaveLength(2);
    expect(p.calls('/token')).toHaveLength(2);
  });

  it('posts a badge with --send and reports a refusal from the error envelope', async () => {
    const send = JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'https://example.org/a/1' });
    const ok = await sync({}, [], { send });
    expect(ok.code).toBe(0);
    const posted = ok.p.calls('/ims/ob/v2p1/assertions').find((r) => r.method === 'POST')!;
    expect(Object.keys(JSON.parse(posted.body))).toEqual(['assertion']);
    await provider?.close();
    const refused = await sync({ postError: true }, [], { send });
    expect(refused.code).toBe(1);
    expect(refused.lines.at(-1)).toContain('INVALID_BADGE: not a badge');
  });
});

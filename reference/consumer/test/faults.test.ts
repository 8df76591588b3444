/** Every consumer fault switches off one correct behaviour, visible in what the wallet sends or reports. */
import { afterEach, describe, expect, it } from 'vitest';
import { CONSUMER_FAULT_NAMES, EXTENSION_FIELD, UNOFFERED_SCOPE } from '../src/faults.js';
import { runSync } from '../src/headless.js';
import { startFakeProvider, type FakeOptions, type FakeProvider } from './support/fake-provider.js';

let provider: FakeProvider | undefined;
afterEach(async () => {
  await provider?.close();
  provider = undefined;
});

const SEND = JSON.stringify({ assertion: { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'https://example.org/a/1' } });

async function sync(fault: string | null, options: FakeOptions = {}, timeout = 10) {
  provider = await startFakeProvider(options);
  const result = await runSync({ url: provider.manifestUrl, dataDir: 'memory', faults: fault ? [fault] : [], timeoutSeconds: timeout, verify: false, send: SEND });
  const p = provider;
  const authorize = p.calls('/authorize')[0]?.query;
  const tokenForm = new URLSearchParams(p.calls('/token')[0]?.body ?? '');
  const register = JSON.parse(p.calls('/register')[0]?.body ?? '{}') as Record<string, unknown>;
  const api = p.calls('/ims/ob/v2p1/assertions');
  const post = api.find((r) => r.method === 'POST');
  return { ...result, p, authorize, tokenForm, register, gets: api.filter((r) => r.method === 'GET'), posted: post ? (JSON.parse(post.body) as Record<string, unknown>) : null };
}

describe('consumer faults', () => {
  it('names exactly the faults of the contract', () => {
    expect(CONSUMER_FAULT_NAMES).toEqual([
      'skip-pkce', 'pkce-plain', 'omit-state', 'ignore-state-mismatch', 'omit-software-id', 'client-secret-post', 'first-page-only',
      'token-in-query', 'unoffered-scope', 'no-refresh', 'retry-forever', 'ignore-post-error', 'extension-fields',
    ]);
  });

  it('skip-pkce: no code_challenge, no code_verifier', async () => {
    const r = await sync('skip-pkce');
    expect(r.authorize?.has('code_challenge')).toBe(false);
    expect(r.authorize?.has('code_challenge_method')).toBe(false);
    expect(r.tokenForm.has('code_verifier')).toBe(false);
  });

  it('pkce-plain: method plain, challenge = verifier', async () => {
    const r = await sync('pkce-plain');
    expect(r.authorize?.get('code_challenge_method')).toBe('plain');
    expect(r.authorize?.get('code_challenge')).toBe(r.tokenForm.get('code_verifier'));
  });

  it('omit-state: no state in the authorization request', async () => {
    const r = await sync('omit-state');
    expect(r.authorize?.has('state')).toBe(false);
    expect(r.code).toBe(0);
  });

  it('ignore-state-mismatch: a wrong state is accepted and the code exchanged', async () => {
    const correct = await sync(null, { wrongState: true });
    expect(correct.code).toBe(1);
    await provider?.close();
    const faulty = await sync('ignore-state-mismatch', { wrongState: true });
    expect(faulty.code).toBe(0);
    expect(faulty.tokenForm.get('grant_type')).toBe('authorization_code');
  });

  it('omit-software-id: registration without software_id', async () => {
    const r = await sync('omit-software-id');
    expect(r.register).not.toHaveProperty('software_id');
    expect(r.register).toHaveProperty('software_version');
  });

  it('client-secret-post: secret in the body, no Basic header', async () => {
    const r = await sync('client-secret-post');
    expect(r.register.token_endpoint_auth_method).toBe('client_secret_post');
    expect(r.tokenForm.get('client_secret')).toBe('s3cret/+=');
    expect(r.p.calls('/token')[0]?.headers.authorization).toBeUndefined();
  });

  it('first-page-only: the Link next page is not read', async () => {
    const r = await sync('first-page-only', { assertions: 12, pageSize: 5 });
    expect(r.gets).toHaveLength(1);
    expect(r.lines).toContain('sync: 5 assertions (0 signed) in 1 page');
  });

  it('token-in-query: access_token in the URL, no Authorization header', async () => {
    const r = await sync('token-in-query');
    expect(r.gets[0]?.query.get('access_token')).toMatch(/^at-/);
    expect(r.gets[0]?.headers.authorization).toBeUndefined();
  });

  it('unoffered-scope: asks for a scope the manifest does not offer', async () => {
    const r = await sync('unoffered-scope');
    expect(String(r.register.scope).split(' ')).toContain(UNOFFERED_SCOPE);
    expect(r.authorize?.get('scope')?.split(' ')).toContain(UNOFFERED_SCOPE);
  });

  it('no-refresh: gives up on 401 invalid_token without calling the token endpoint', async () => {
    const r = await sync('no-refresh', { expireFirstCall: true });
    expect(r.code).toBe(1);
    expect(r.p.calls('/token')).toHaveLength(1);
    expect(r.lines.at(-1)).toMatch(/^sync: failed: .*HTTP 401/);
  });

  it('retry-forever: keeps calling after the refresh is refused, until the time limit', async () => {
    const r = await sync('retry-forever', { revokeAfterFirstCall: true }, 2);
    expect(r.code).toBe(1);
    expect(r.gets.length).toBeGreaterThan(3);
    expect(r.lines.at(-1)).toContain('time limit');
  });

  it('ignore-post-error: a POST answered with the error envelope is reported as sent', async () => {
    const r = await sync('ignore-post-error', { postError: true });
    expect(r.code).toBe(0);
    expect(r.lines).toContain('sync: sent: the provider accepted the badge');
  });

  it('extension-fields: a non-spec field in the POST body', async () => {
    const correct = await sync(null);
    expect(Object.keys(correct.posted ?? {})).toEqual(['assertion']);
    await provider?.close();
    const r = await sync('extension-fields');
    expect(r.posted).toHaveProperty(EXTENSION_FIELD);
  });
});

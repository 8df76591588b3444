/** Each consumer check passes the recorded request set of a correct consumer and fails its named mutations. */
import { describe, expect, it } from 'vitest';
import { ensureApiVersion } from '../../src/checks/consumer/ensure-api-version.js';
import { ensureBearerHeader } from '../../src/checks/consumer/ensure-bearer-header.js';
import { ensureCodeOnce } from '../../src/checks/consumer/ensure-code-once.js';
import { ensureDiscoveryFirst } from '../../src/checks/consumer/ensure-discovery-first.js';
import { ensurePagesFollowed } from '../../src/checks/consumer/ensure-pages-followed.js';
import { ensurePkceS256 } from '../../src/checks/consumer/ensure-pkce-s256.js';
import { ensureRedirectUris } from '../../src/checks/consumer/ensure-redirect-uris.js';
import { ensureRegistrationAuthMethod } from '../../src/checks/consumer/ensure-registration-auth-method.js';
import { ensureRegistrationMetadata } from '../../src/checks/consumer/ensure-registration-metadata.js';
import { ensureRouteAnswered } from '../../src/checks/consumer/ensure-route-answered.js';
import { ensureScopesOffered } from '../../src/checks/consumer/ensure-scopes-offered.js';
import { ensureStateEntropy, ensureStateFresh, stateBits } from '../../src/checks/consumer/ensure-state-fresh.js';
import { ensureStateSent } from '../../src/checks/consumer/ensure-state-sent.js';
import { ensureTokenBasicAuth } from '../../src/checks/consumer/ensure-token-basic-auth.js';
import { ensureTokenParams } from '../../src/checks/consumer/ensure-token-params.js';
import { ensureNoWriteWithoutScope, ensureWriteScope } from '../../src/checks/consumer/ensure-write-scope.js';
import { OBC_SCOPES, OFFLINE_ACCESS, type EmulatorCall } from '../../src/emulators/types.js';
import type { Check } from '../../src/engine/verdict.js';
import { append, BEARER, edit, editForm, editJson, goodFlow } from './support/recorded.js';

const good = goodFlow();
const drop = (route: EmulatorCall['route']) => good.filter((c) => c.route !== route);
type Mutations = Record<string, EmulatorCall[]>;

const table: [Check<EmulatorCall[]>, Mutations][] = [
  [ensureDiscoveryFirst('manifest', 'manifest'), {
    'no manifest fetch': drop('manifest'),
    'manifest after registration': good.map((c) => (c.route === 'manifest' ? { ...c, seq: 99 } : c)),
    'no registration': drop('register'),
  }],
  [ensureRegistrationMetadata, {
    'missing software_id': edit(good, 'register', (c) => editJson(c, (b) => delete b.software_id)),
    'missing software_version': edit(good, 'register', (c) => editJson(c, (b) => delete b.software_version)),
    'redirect_uris not an array': edit(good, 'register', (c) => editJson(c, (b) => (b.redirect_uris = 'https://wallet.example.com/cb'))),
    'body not JSON': edit(good, 'register', (c) => (c.body = 'client_name=x')),
  }],
  [ensureRedirectUris, {
    'plain http redirect off loopback': edit(good, 'register', (c) => editJson(c, (b) => (b.redirect_uris = ['http://wallet.example.com/cb']))),
    'redirects on two hosts': edit(good, 'register', (c) => editJson(c, (b) => (b.redirect_uris = ['https://a.example.com/cb', 'https://b.example.com/cb']))),
    'http client_uri': edit(good, 'register', (c) => editJson(c, (b) => (b.client_uri = 'http://wallet.example.com/'))),
  }],
  [ensureRegistrationAuthMethod, {
    'client_secret_post': edit(good, 'register', (c) => editJson(c, (b) => (b.token_endpoint_auth_method = 'client_secret_post'))),
    'none': edit(good, 'register', (c) => editJson(c, (b) => (b.token_endpoint_auth_method = 'none'))),
  }],
  [ensurePkceS256, {
    'no challenge': edit(good, 'authorize', (c) => { c.query.delete('code_challenge'); c.query.delete('code_challenge_method'); }),
    'plain method': edit(good, 'authorize', (c) => c.query.set('code_challenge_method', 'plain')),
    'method absent': edit(good, 'authorize', (c) => c.query.delete('code_challenge_method')),
    'challenge not a digest': edit(good, 'authorize', (c) => c.query.set('code_challenge', 'short')),
  }],
  [ensureStateSent, { 'no state': edit(good, 'authorize', (c) => c.query.delete('state')), 'empty state': edit(good, 'authorize', (c) => c.query.set('state', '')) }],
  [ensureScopesOffered([...OBC_SCOPES, OFFLINE_ACCESS]), {
    'unoffered scope in authorization': edit(good, 'authorize', (c) => c.query.set('scope', `${c.query.get('scope')} https://example.org/scope/x`)),
    'unoffered scope in registration': edit(good, 'register', (c) => editJson(c, (b) => (b.scope = 'https://purl.imsglobal.org/spec/clr/v1p0/scope/readonly'))),
    'unoffered scope in token request': edit(good, 'token', (c) => editForm(c, (f) => f.set('scope', 'admin'))),
    // The served manifest decides: it offers no profile.update here, which a fixed list of all four would allow.
    'scope the served manifest leaves out': edit(edit(good, 'manifest', (c) => (c.responseBody = JSON.stringify({ badgeConnectAPI: [{ version: 'v2p1', scopesOffered: [OBC_SCOPES[0], OBC_SCOPES[1], OBC_SCOPES[2]] }] }))),
      'authorize', (c) => c.query.set('scope', `${c.query.get('scope')} ${OBC_SCOPES[3]}`)),
  }],
  [ensureCodeOnce, {
    'code redeemed twice': (() => {
      const t = good.find((c) => c.route === 'token')!;
      return append(good, [{ route: 'token', method: 'POST', path: t.path, headers: t.headers, body: t.body, status: 400, meta: { grant: 'authorization_code', replayedCode: true } }]);
    })(),
    'no code exchange': drop('token'),
  }],
  [ensureApiVersion, {
    'draft v1p0 apiBase used': append(good, [{ route: 'draft-api', path: '/bcv1/assertions', headers: BEARER, status: 404 }]),
  }],
  [ensureWriteScope(['post-assertions', 'post-profile']), {
    'POST with a read-only token': edit(good, 'post-assertions', (c) => { c.status = 401; c.meta.token = 'insufficient-scope'; }),
  }],
  [ensureTokenBasicAuth, {
    'no Authorization header': edit(good, 'token', (c) => delete c.headers.authorization),
    'secret in body too': edit(good, 'token', (c) => editForm(c, (f) => f.set('client_secret', 'secret-1'))),
    'bearer instead of basic': edit(good, 'token', (c) => (c.headers.authorization = 'Bearer x')),
    'no colon in credentials': edit(good, 'token', (c) => (c.headers.authorization = `Basic ${Buffer.from('client-1').toString('base64')}`)),
  }],
  [ensureTokenParams, {
    ...Object.fromEntries(['code', 'redirect_uri', 'scope', 'code_verifier'].map((k) => [`missing ${k}`, edit(good, 'token', (c) => editForm(c, (f) => f.delete(k)))])),
    'JSON body': edit(good, 'token', (c) => (c.headers['content-type'] = 'application/json')),
    'params in query': edit(good, 'token', (c) => c.query.set('code_verifier', 'x')),
  }],
  [ensureBearerHeader, {
    'token in the query': edit(good, 'get-assertions', (c) => { c.query.set('access_token', 'access-1'); delete c.headers.authorization; }, 1),
    'token in query and header': edit(good, 'get-profile', (c) => c.query.set('access_token', 'access-1')),
    'no token': edit(good, 'post-assertions', (c) => delete c.headers.authorization),
    'no API call': good.filter((c) => !['get-assertions', 'get-profile', 'post-assertions'].includes(c.route)),
  }],
  [ensurePagesFollowed('get-assertions', 'GET /assertions'), {
    'first page only': good.filter((c) => !(c.route === 'get-assertions' && c.query.get('offset') !== '0')),
    'middle page skipped': good.filter((c) => !(c.route === 'get-assertions' && c.query.get('offset') === '5')),
    'page read twice': edit(good, 'get-assertions', (c) => c.query.set('offset', '0'), 1),
    'offset counted in pages, not taken from Link next': edit(good, 'get-assertions', (c) => c.query.set('offset', '1'), 1),
    'no page': drop('get-assertions'),
  }],
  [ensureRouteAnswered('get-profile', 'GET /profile'), {
    'never called': drop('get-profile'),
    'only refused': edit(good, 'get-profile', (c) => (c.status = 401)),
  }],
];

for (const [check, mutations] of table) {
  describe(check.id, () => {
    it('passes the correct consumer', async () => {
      const v = await check.run(good);
      expect(v.outcome, v.message).toBe('pass');
    });
    it.each(Object.entries(mutations))('fails: %s', async (_name, calls) => {
      const v = await check.run(calls);
      expect(v.outcome, v.message).toBe('fail');
      expect(v.message.length).toBeGreaterThan(10);
    });
  });
}

describe('checks that skip rather than pass when there is nothing to judge', () => {
  it('ensure-api-version and ensure-write-scope skip without API calls or writes', () => {
    expect(ensureApiVersion.run(good.filter((c) => !['get-assertions', 'get-profile', 'post-assertions'].includes(c.route)))).toMatchObject({ outcome: 'skip' });
    expect(ensureWriteScope(['post-assertions']).run(drop('post-assertions'))).toMatchObject({ outcome: 'skip' });
  });
});

describe('ensure-no-write-without-scope (fault narrowed-grant)', () => {
  const check = ensureNoWriteWithoutScope(['post-assertions', 'post-profile']);
  it('passes a candidate that got its token and sent no write', () => {
    expect(check.run(drop('post-assertions'))).toMatchObject({ outcome: 'pass' });
  });
  it.each([
    ['POSTed with the read-only token', edit(good, 'post-assertions', (c) => { c.status = 401; c.meta.token = 'insufficient-scope'; })],
    ['never obtained a token', drop('token')],
  ])('fails: %s', (_n, calls) => expect(check.run(calls)).toMatchObject({ outcome: 'fail' }));
});

describe('ensure-state-fresh and ensure-state-entropy (two runs)', () => {
  const withState = (state: string) => edit(good, 'authorize', (c) => c.query.set('state', state));
  const a = 'Qm3p0Zx7LwTq9RbV2yKc5NfH8sJd1GuE4oAiW6tYnXe';
  const b = 'Zr8sK2vN5qLm0XcT7bWy3JhD9fGp4UaE1oRiQ6tYnMe';
  it('passes two runs with different, long states', () => {
    expect(ensureStateFresh.run([withState(a), withState(b)])).toMatchObject({ outcome: 'pass' });
    expect(ensureStateEntropy.run([withState(a), withState(b)])).toMatchObject({ outcome: 'pass' });
  });
  it('fails the same state in both runs, however random it looks', () => {
    expect(ensureStateFresh.run([withState(a), withState(a)])).toMatchObject({ outcome: 'fail', message: expect.stringContaining('same state') });
  });
  it('is left open (blocked: want of data, never a pass) when the second run did not authorize', () => {
    expect(ensureStateFresh.run([withState(a), drop('authorize')])).toMatchObject({ outcome: 'skip', blocked: { needs: 'a second authorization by the candidate' } });
  });
  it.each([
    ['8 hex characters (32 bits)', 'deadbeef'],
    ['a counter', '42'],
    ['21 base64url characters (126 bits)', 'abcdefghijABCDEFGHIJ_'],
  ])('fails the entropy estimate (a warning in the plan): %s', (_n, state) => {
    expect(ensureStateEntropy.run([withState(state), withState(b)])).toMatchObject({ outcome: 'fail', message: expect.stringContaining('estimate') });
  });
  it('estimates the bits a value can hold from its length and alphabet', () => {
    expect([stateBits('0123456789'), stateBits('0'.repeat(32)), stateBits('a'.repeat(32)), stateBits('Z'.repeat(22)), stateBits('~'.repeat(20))]).toEqual([33, 106, 128, 132, 131]);
  });
});

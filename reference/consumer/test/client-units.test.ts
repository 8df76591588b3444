/** Small pieces of the client: discovery detection, Link parsing, the callback check, revocation. */
import { afterEach, describe, expect, it } from 'vitest';
import { discover } from '../src/client/discovery.js';
import { ProviderError } from '../src/client/http.js';
import { readCallback, revokeTokens } from '../src/client/oauth.js';
import { parseLinkHeader } from '../src/client/paging.js';
import { ConsumerFaults } from '../src/faults.js';
import { payloadFromFile } from '../src/headless.js';
import { startFakeProvider, type FakeProvider } from './support/fake-provider.js';

let provider: FakeProvider | undefined;
afterEach(async () => {
  await provider?.close();
  provider = undefined;
});
const none = new ConsumerFaults();

describe('discover', () => {
  it('tells a manifest from a discovery document, and prefers Badge Connect at an origin serving both', async () => {
    provider = await startFakeProvider();
    expect((await discover(provider.manifestUrl)).kind).toBe('badge-connect');
    const clr = await discover(provider.discoveryUrl);
    expect(clr).toMatchObject({ kind: 'clr', apiBase: `${provider.origin}/ims/clr/v1p0`, revocationUrl: null });
    const both = await discover(`${provider.origin}/`);
    expect(both).toMatchObject({ kind: 'badge-connect', alsoOffers: provider.discoveryUrl, revocationUrl: `${provider.origin}/revoke` });
  });

  it('finds CLR at an origin without a manifest, and explains when there is neither', async () => {
    provider = await startFakeProvider({ noManifest: true });
    expect((await discover(provider.origin)).kind).toBe('clr');
    await provider.close();
    provider = await startFakeProvider({ noManifest: true, noClr: true });
    await expect(discover(provider.origin)).rejects.toThrow(/No Badge Connect manifest .* or CLR discovery document/);
  });

  it('refuses plain http off loopback and nonsense input with a sentence', async () => {
    await expect(discover('http://badges.example.org')).rejects.toThrow('must use https');
    await expect(discover('not a url')).rejects.toThrow('is not an absolute URL');
    await expect(discover('http://127.0.0.1:1/.well-known/badgeconnect.json')).rejects.toThrow('could not be reached');
  });
});

describe('parseLinkHeader', () => {
  it('reads RFC 8288 relations, relative targets and several rels in one value', () => {
    const links = parseLinkHeader('<https://a.example/x?offset=5>; rel="next", </x?offset=0>; rel="first prev", <https://a.example/x?offset=20>;rel=last', 'https://a.example/x');
    expect(links).toEqual({ next: 'https://a.example/x?offset=5', first: 'https://a.example/x?offset=0', prev: 'https://a.example/x?offset=0', last: 'https://a.example/x?offset=20' });
    expect(parseLinkHeader(null, 'https://a.example/')).toEqual({});
  });
});

describe('readCallback', () => {
  const pending = { state: 'expected-state', verifier: 'v', scope: 's', redirectUri: 'http://127.0.0.1/callback' };
  it('returns the code when the state matches', () => {
    expect(readCallback({ code: 'c', state: 'expected-state' }, pending, none)).toBe('c');
  });
  it('rejects a missing or different state, and reports a denial in words', () => {
    expect(() => readCallback({ code: 'c', state: 'other' }, pending, none)).toThrow(/state mismatch/);
    expect(() => readCallback({ code: 'c' }, pending, none)).toThrow(/state mismatch/);
    expect(() => readCallback({ error: 'access_denied', state: 'expected-state' }, pending, none)).toThrow('You declined access at the provider');
    expect(() => readCallback({ state: 'expected-state' }, pending, none)).toThrow(ProviderError);
  });
});

describe('revokeTokens', () => {
  it('revokes the refresh token, then the access token, with Basic client auth', async () => {
    provider = await startFakeProvider();
    const result = await revokeTokens(`${provider.origin}/revoke`, { clientId: 'c', clientSecret: 's' },
      { accessToken: 'at', refreshToken: 'rt', expiresAt: null, scope: '' }, none);
    expect(result.ok).toBe(true);
    const calls = provider.calls('/revoke');
    expect(calls.map((c) => Object.fromEntries(new URLSearchParams(c.body)))).toEqual([
      { token: 'rt', token_type_hint: 'refresh_token' },
      { token: 'at', token_type_hint: 'access_token' },
    ]);
    expect(calls.every((c) => c.headers.authorization === `Basic ${Buffer.from('c:s').toString('base64')}`)).toBe(true);
  });
});

describe('payloadFromFile (--send)', () => {
  it('accepts a payload, a bare assertion or a compact JWS, and nothing else', () => {
    expect(payloadFromFile('{"assertion":{"id":"x"}}')).toEqual({ assertion: { id: 'x' } });
    expect(payloadFromFile('{"id":"x","type":"Assertion"}')).toEqual({ assertion: { id: 'x', type: 'Assertion' } });
    const jws = `e30.${Buffer.from('{"id":"x"}').toString('base64url')}.c2ln`;
    expect(payloadFromFile(`${jws}\n`)).toEqual({ signedAssertion: jws });
    expect(payloadFromFile('[1,2]')).toBeNull();
    expect(payloadFromFile('hello')).toBeNull();
  });
});

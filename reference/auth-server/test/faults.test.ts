import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { AUTH_SERVER_FAULTS, type AuthServerFault } from '../src/faults.js';
import {
  REDIRECT_URI, RS, SCOPES, authorize, authorizeUrl, clientMetadata, exchangeCode, introspect, obtainTokens, pkce, refresh, register, revoke, startServer,
} from './helpers.js';

const json = (origin: string, body: unknown) =>
  fetch(`${origin}/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Each fault, switched on alone, visibly removes its one protection (the same request is refused without it). */
const checks: Record<AuthServerFault, (origin: string) => Promise<void>> = {
  'registration-accepts-missing-metadata': async (origin) => {
    expect((await json(origin, clientMetadata({ client_name: undefined, tos_uri: undefined }))).status).toBe(201);
  },
  'registration-accepts-insecure-urls': async (origin) => {
    expect((await json(origin, clientMetadata({ client_uri: 'http://client.example.com/', redirect_uris: ['http://client.example.com/cb'] }))).status).toBe(201);
  },
  'registration-accepts-other-auth-method': async (origin) => {
    expect((await json(origin, clientMetadata({ token_endpoint_auth_method: 'client_secret_post' }))).status).toBe(201);
  },
  'registration-omits-no-store': async (origin) => {
    expect((await json(origin, clientMetadata())).headers.get('cache-control')).toBeNull();
  },
  'registration-omits-secret-expiry': async (origin) => {
    const body = (await (await json(origin, clientMetadata())).json()) as Record<string, unknown>;
    expect(body).toHaveProperty('client_secret');
    expect(body).not.toHaveProperty('client_secret_expires_at');
  },
  'pkce-not-required': async (origin) => {
    const client = await register(origin);
    expect((await fetch(authorizeUrl(origin, client, { code_challenge: undefined }), { redirect: 'manual' })).status).toBe(200);
  },
  'pkce-plain-accepted': async (origin) => {
    const client = await register(origin);
    const url = authorizeUrl(origin, client, { code_challenge: pkce().verifier, code_challenge_method: 'plain' });
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(200);
  },
  'state-not-echoed': async (origin) => {
    const { location } = await authorize(origin, await register(origin));
    expect(location.searchParams.has('state')).toBe(false);
  },
  'redirect-to-unregistered-uri': async (origin) => {
    const { location } = await authorize(origin, await register(origin), { params: { redirect_uri: 'https://attacker.example.org/steal' } });
    expect(location.origin).toBe('https://attacker.example.org');
  },
  'code-reusable': async (origin) => {
    const client = await register(origin);
    const t = await obtainTokens(origin, client);
    expect((await exchangeCode(origin, client, t.code, t.verifier)).status).toBe(200);
  },
  'verifier-not-checked': async (origin) => {
    const client = await register(origin);
    const { location } = await authorize(origin, client);
    expect((await exchangeCode(origin, client, location.searchParams.get('code') ?? '', pkce().verifier)).status).toBe(200);
  },
  'redirect-uri-not-checked': async (origin) => {
    const client = await register(origin, { redirect_uris: [REDIRECT_URI, 'https://client.example.com/other'] });
    const { location, verifier } = await authorize(origin, client);
    const res = await exchangeCode(origin, client, location.searchParams.get('code') ?? '', verifier, { redirect_uri: 'https://client.example.com/other' });
    expect(res.status).toBe(200);
  },
  'client-auth-not-checked': async (origin) => {
    const client = await register(origin);
    const { location, verifier } = await authorize(origin, client);
    expect((await exchangeCode(origin, { ...client, client_secret: 'wrong' }, location.searchParams.get('code') ?? '', verifier)).status).toBe(200);
  },
  'token-omits-no-store': async (origin) => {
    const client = await register(origin);
    const { location, verifier } = await authorize(origin, client);
    expect((await exchangeCode(origin, client, location.searchParams.get('code') ?? '', verifier)).headers.get('cache-control')).toBeNull();
  },
  'token-omits-expires-in': async (origin) => {
    expect((await obtainTokens(origin, await register(origin))).expires_in).toBeUndefined();
  },
  'refresh-not-rotated': async (origin) => {
    const client = await register(origin);
    const t = await obtainTokens(origin, client);
    await refresh(origin, client, t.refresh_token ?? '');
    expect((await refresh(origin, client, t.refresh_token ?? '')).status).toBe(200);
  },
  'refresh-scope-widening': async (origin) => {
    const client = await register(origin);
    const t = await obtainTokens(origin, client, { scope: `${SCOPES.assertionRead} ${SCOPES.offline}` });
    expect((await refresh(origin, client, t.refresh_token ?? '', { scope: SCOPES.profileUpdate })).status).toBe(200);
  },
  'revocation-ignored': async (origin) => {
    const client = await register(origin);
    const t = await obtainTokens(origin, client);
    await revoke(origin, client, t.access_token);
    expect((await introspect(origin, t.access_token)).active).toBe(true);
  },
};

describe('faults', () => {
  it('the table covers every known fault', () => {
    expect(Object.keys(checks).sort()).toEqual([...AUTH_SERVER_FAULTS].sort());
  });

  it('an unknown fault name is an error', () => {
    expect(() => createApp({ issuer: 'http://127.0.0.1:1', database: ':memory:', resourceServers: [RS], logger: false, faults: ['no-such-fault'] })).toThrow(/unknown fault/);
  });

  it.each(Object.entries(checks))('%s: passes with the fault, fails without it', async (fault, check) => {
    const faulty = await startServer({ faults: [fault] });
    const clean = await startServer();
    try {
      await check(faulty.origin);
      await expect(check(clean.origin)).rejects.toThrow();
    } finally {
      await faulty.close();
      await clean.close();
    }
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basic, clientMetadata, register, startServer, RS, type RegisteredClient, type TestServer } from './helpers.js';

/** No input, however malformed, may produce a 5xx. */
describe('malformed input never yields a 5xx', () => {
  let server: TestServer;
  let client: RegisteredClient;
  beforeAll(async () => {
    server = await startServer();
    client = await register(server.origin);
  });
  afterAll(() => server.close());

  const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,80}$/);
  const contentType = fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain', 'application/json; charset=utf-16', 'multipart/form-data', '');
  const formValue = fc.oneof(fc.string({ maxLength: 200 }), fc.constant(''), fc.constant('%'), fc.constant('a'.repeat(5000)));
  const formBody = fc.dictionary(
    fc.constantFrom('grant_type', 'code', 'redirect_uri', 'code_verifier', 'refresh_token', 'scope', 'token', 'token_type_hint', 'client_id', 'client_secret', 'transaction', 'csrf', 'username', 'password', 'decision', 'grant', '__proto__', 'constructor'),
    formValue,
  ).map((d) => new URLSearchParams(d).toString());
  const rawBody = fc.oneof(formBody, fc.string({ maxLength: 500 }), fc.json(), fc.constant('a=1&a=2&a=%ZZ'));
  const authorization = fc.oneof(
    headerValue,
    // Built lazily: the client is registered in beforeAll, after this arbitrary is declared.
    fc.constant(null).map(() => basic(client.client_id, client.client_secret)),
    fc.constant(basic(RS.clientId, RS.clientSecret)),
    fc.string({ maxLength: 60 }).map((s) => `Basic ${Buffer.from(s).toString('base64')}`),
  );

  it('POST endpoints', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/register', '/token', '/revoke', '/introspect', '/authorize/login', '/authorize/consent', '/account/login', '/account/logout', '/account/revoke', '/token?x=1'),
        contentType,
        rawBody,
        fc.option(authorization, { nil: undefined }),
        fc.option(headerValue, { nil: undefined }),
        async (path, type, body, auth, cookie) => {
          const headers: Record<string, string> = {};
          if (type) headers['content-type'] = type;
          if (auth !== undefined) headers.authorization = auth;
          if (cookie !== undefined) headers.cookie = cookie;
          const res = await fetch(`${server.origin}${path}`, { method: 'POST', headers, body, redirect: 'manual' });
          await res.arrayBuffer();
          expect(res.status, `${path} ${type} ${body}`).toBeLessThan(500);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('registration metadata of random shapes', async () => {
    const anyValue = fc.oneof(fc.string({ maxLength: 100 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string({ maxLength: 60 }), { maxLength: 3 }), fc.webUrl(), fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 })));
    const keys = ['client_name', 'client_uri', 'logo_uri', 'tos_uri', 'policy_uri', 'software_id', 'software_version', 'redirect_uris', 'token_endpoint_auth_method', 'grant_types', 'response_types', 'scope'];
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom(...keys), anyValue), async (overrides) => {
        const res = await fetch(`${server.origin}/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(clientMetadata(overrides)) });
        await res.arrayBuffer();
        expect([201, 400]).toContain(res.status);
      }),
      { numRuns: 200 },
    );
  });

  it('GET /authorize with random query strings', async () => {
    const names = fc.constantFrom('response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'code_challenge', 'code_challenge_method', 'x');
    const value = fc.oneof(fc.string({ maxLength: 100 }), fc.constant(client.client_id), fc.constant('https://client.example.com/callback'), fc.constant('code'), fc.constant('S256'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(names, value), { maxLength: 10 }), fc.boolean(), async (pairs, useClient) => {
        const params = new URLSearchParams(pairs);
        if (useClient) {
          params.set('client_id', client.client_id);
          params.set('redirect_uri', 'https://client.example.com/callback');
        }
        const res = await fetch(`${server.origin}/authorize?${params}`, { redirect: 'manual' });
        await res.arrayBuffer();
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
  });

  it('raw, badly encoded query strings and paths', async () => {
    for (const path of ['/authorize?%', '/authorize?client_id=%E0%A4%A', '/authorize?client_id[]=1', '/account?revoked=%', '/%', '/token/..', '/authorize?client_id=a&client_id=b']) {
      const res = await fetch(`${server.origin}${path}`, { redirect: 'manual' });
      await res.arrayBuffer();
      expect(res.status, path).toBeLessThan(500);
    }
  });
});

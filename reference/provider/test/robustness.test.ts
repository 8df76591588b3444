import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignAssertion } from './helpers/badges.js';
import { ALICE, API, startProvider, type TestProvider } from './helpers/provider.js';

let p: TestProvider;
let token: string;
beforeAll(async () => {
  p = await startProvider();
  token = p.token();
});
afterAll(() => p.close());

const raw = (path: string, body: string, contentType = 'application/json') =>
  p.call(path, { method: 'POST', token, headers: { 'content-type': contentType }, body });

/** Every malformed input must end in a 4xx (or 200 when harmless): never a 5xx. */
describe('malformed input never yields a 5xx', () => {
  const bodies = [
    '',
    'null',
    'true',
    '123',
    '"text"',
    '[]',
    '[[[[[[[[[[]]]]]]]]]]',
    '{"assertion": {}}',
    '{"assertion": null, "signedAssertion": "a.b.c"}',
    '{"signedAssertion": "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.AAAA"}',
    '{"signedAssertion": "eyJ9.eyJ9.eyJ9"}',
    '{"assertion": {"@context": "https://evil.example.com/context.json", "id": "https://example.org/a", "type": "Assertion"}}',
    `{"assertion": ${JSON.stringify({ ...foreignAssertion(ALICE.email, 1), '@context': { '@vocab': 'https://example.org/' } })}}`,
    `{"assertion": ${JSON.stringify({ ...foreignAssertion(ALICE.email, 2), recipient: { type: 'email', hashed: true, identity: 'sha256$zz' } })}}`,
    `{"assertion": ${JSON.stringify({ ...foreignAssertion(ALICE.email, 3), issuedOn: 12345 })}}`,
    '{"__proto__": {"polluted": true}, "assertion": 1}',
    '{"constructor": {"prototype": {"x": 1}}}',
    '\u0000\u0001',
    '{"a":' + '1'.repeat(5000) + '}',
  ];
  it.each(bodies.map((b, i) => [i, b] as const))('POST /assertions body #%i', async (_i, body) => {
    const res = await raw(`${API}/assertions`, body);
    expect(res.status).toBeLessThan(500);
  });

  it.each(bodies.map((b, i) => [i, b] as const))('POST /profile body #%i', async (_i, body) => {
    const res = await raw(`${API}/profile`, body);
    expect(res.status).toBeLessThan(500);
  });

  it.each([
    ['text/plain', '{}'],
    ['application/json; charset=utf-16', '{}'],
    ['application/json; charset=latin1', '{}'],
    ['multipart/form-data; boundary=x', '--x--'],
  ])('content type %s', async (type, body) => {
    expect((await raw(`${API}/assertions`, body, type)).status).toBeLessThan(500);
  });

  it('gzip content-encoding of garbage', async () => {
    const res = await p.call(`${API}/assertions`, {
      method: 'POST',
      token,
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: 'not gzip',
    });
    expect(res.status).toBeLessThan(500);
  });

  it('random JSON bodies (property-based)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.constantFrom('/assertions', '/profile'), async (value, path) => {
        const res = await raw(`${API}${path}`, JSON.stringify(value));
        return res.status < 500;
      }),
      { numRuns: 60 },
    );
  });

  it('random query strings (property-based)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('limit', 'offset', 'since', 'x'), fc.string()), async (q) => {
        const res = await p.call(`${API}/assertions?${new URLSearchParams(q).toString()}`, { token });
        return res.status === 200 || res.status === 400;
      }),
      { numRuns: 60 },
    );
  });

  it.each([
    `${API}/assertions?limit[]=1`,
    `${API}/assertions?limit[a]=1`,
    `${API}/assertions?since=%ZZ`,
    `${API}/assertions?offset=%00`,
    '/public/badges/%2e%2e%2fsecret',
    '/public/keys/..%2F..%2Fetc',
  ])('odd URL %s', async (path) => {
    expect((await p.call(path, { token })).status).toBeLessThan(500);
  });

  it('odd Authorization headers', async () => {
    for (const value of ['Bearer', 'Bearer ', 'bearer x', 'Bearer ' + 'a'.repeat(8000), 'Bearer x y', 'Token abc', 'Bearer ===']) {
      const res = await p.call(`${API}/profile`, { headers: { authorization: value } });
      expect(res.status).toBe(401);
    }
  });
});

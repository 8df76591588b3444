import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRegistry, SchemaIds } from '../../../schemas/src/registry.js';
import { ALICE, API, SCOPES, startProvider, type TestProvider } from './helpers/provider.js';

let p: TestProvider;
beforeAll(async () => {
  p = await startProvider();
});
afterAll(() => p.close());

type Body = { status: { statusCode: number; statusText: string; error: string | null } };

async function expectEnvelope(res: Response, code: number, text: string): Promise<Body> {
  expect(res.status).toBe(code);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await res.json()) as Body;
  expect(body.status.statusCode).toBe(code);
  expect(body.status.statusText).toBe(text);
  expect(getRegistry().validate(SchemaIds.obc.errorResponse, body).errors).toEqual([]);
  return body;
}

const endpoints = [
  { method: 'GET', path: `${API}/assertions`, scope: SCOPES.assertionReadonly },
  { method: 'POST', path: `${API}/assertions`, scope: SCOPES.assertionCreate },
  { method: 'GET', path: `${API}/profile`, scope: SCOPES.profileReadonly },
  { method: 'POST', path: `${API}/profile`, scope: SCOPES.profileUpdate },
];

describe('authentication', () => {
  it.each(endpoints)('$method $path without a token → 401 UNAUTHENTICATED with a Bearer challenge', async ({ method, path }) => {
    const res = await p.call(path, { method, json: method === 'POST' ? {} : undefined });
    await expectEnvelope(res, 401, 'UNAUTHENTICATED');
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
  });

  it('refuses unknown, malformed, expired and revoked tokens', async () => {
    const unknown = await p.call(`${API}/profile`, { token: 'no-such-token' });
    await expectEnvelope(unknown, 401, 'UNAUTHENTICATED');
    expect(unknown.headers.get('www-authenticate')).toContain('error="invalid_token"');

    const malformed = await p.call(`${API}/profile`, { headers: { authorization: 'Bearer a b c' } });
    await expectEnvelope(malformed, 401, 'UNAUTHENTICATED');
    const basic = await p.call(`${API}/profile`, { headers: { authorization: 'Basic YWxpY2U6cHc=' } });
    await expectEnvelope(basic, 401, 'UNAUTHENTICATED');

    const expired = p.introspection.issue(ALICE.id, [SCOPES.profileReadonly], -10);
    await expectEnvelope(await p.call(`${API}/profile`, { token: expired }), 401, 'UNAUTHENTICATED');

    const token = p.token();
    expect((await p.call(`${API}/profile`, { token })).status).toBe(200);
    p.introspection.revoke(token);
    await expectEnvelope(await p.call(`${API}/profile`, { token }), 401, 'UNAUTHENTICATED');
  });

  it('refuses a token for a subject it does not know', async () => {
    const stranger = p.introspection.issue('urn:example:user:mallory', [SCOPES.profileReadonly]);
    await expectEnvelope(await p.call(`${API}/profile`, { token: stranger }), 401, 'UNAUTHENTICATED');
  });

  it('refuses a token in the query string or in the body', async () => {
    const token = p.token();
    const query = await p.call(`${API}/profile?access_token=${token}`);
    await expectEnvelope(query, 401, 'UNAUTHENTICATED');
    expect(query.headers.get('www-authenticate')).toContain('error="invalid_request"');
    const both = await p.call(`${API}/profile?access_token=${token}`, { token });
    await expectEnvelope(both, 401, 'UNAUTHENTICATED');
    const form = await p.call(`${API}/profile`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `access_token=${token}&email=x%40example.org`,
    });
    await expectEnvelope(form, 401, 'UNAUTHENTICATED');
  });

  it('answers 500 in the envelope, without details, when introspection is unavailable', async () => {
    const token = p.token();
    p.introspection.setFailing(true);
    try {
      const res = await p.call(`${API}/profile`, { token });
      const body = await expectEnvelope(res, 500, 'BAD_REQUEST');
      expect(body.status.error).toBe('Internal server error');
    } finally {
      p.introspection.setFailing(false);
    }
  });
});

describe('scope enforcement', () => {
  const cases = endpoints.flatMap((e) =>
    Object.values(SCOPES)
      .filter((s) => s !== e.scope)
      .map((other) => ({ ...e, other })),
  );
  it.each(cases)('$method $path with only $other → 401 PERMISSION_DENIED', async ({ method, path, scope, other }) => {
    const token = p.introspection.issue(ALICE.id, [other]);
    const res = await p.call(path, { method, token, json: method === 'POST' ? {} : undefined });
    await expectEnvelope(res, 401, 'PERMISSION_DENIED');
    expect(res.headers.get('www-authenticate')).toBe(`Bearer realm="badgeconnect", error="insufficient_scope", scope="${scope}"`);
  });

  it.each(endpoints)('$method $path with exactly its scope passes the scope check', async ({ method, path, scope }) => {
    const token = p.introspection.issue(ALICE.id, [scope]);
    const res = await p.call(path, { method, token, json: method === 'POST' ? {} : undefined });
    expect([200, 400]).toContain(res.status); // POST {} is a validation error, past authorization
  });
});

describe('routing errors', () => {
  it.each([`${API}/nothing`, `${API}/`, `${API}/assertions/extra`, '/nowhere', `${API}/Assertions`])(
    'unknown path %s → 404 NOT_FOUND',
    async (path) => {
      const body = await expectEnvelope(await p.call(path, { token: p.token() }), 404, 'NOT_FOUND');
      expect(body.status.error).toBeNull();
    },
  );

  it.each([
    ['PUT', `${API}/assertions`],
    ['DELETE', `${API}/assertions`],
    ['PATCH', `${API}/profile`],
    ['PUT', `${API}/profile`],
    ['DELETE', '/public/issuer'],
  ])('%s %s → 405 METHOD_NOT_ALLOWED with Allow', async (method, path) => {
    const res = await p.call(path, { method, token: p.token() });
    await expectEnvelope(res, 405, 'METHOD_NOT_ALLOWED');
    expect(res.headers.get('allow')).toMatch(/GET/);
  });

  it('answers CORS preflight requests', async () => {
    const res = await p.call(`${API}/assertions`, {
      method: 'OPTIONS',
      headers: { origin: 'https://consumer.example.org', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('Authorization');
  });

  it('refuses a malformed percent-escape in the path with a 4xx envelope', async () => {
    const res = await p.call('/public/assertions/%E0%A4%A');
    expect(res.status).toBeLessThan(500);
    expect(res.status).toBeGreaterThanOrEqual(400);
  });
});

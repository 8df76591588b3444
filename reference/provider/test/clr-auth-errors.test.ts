import { Writable } from 'node:stream';
import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLR_CONTEXT, expectStatusInfo, foreignClr } from './helpers/clr.js';
import { CLR, CLR_SCOPES, startClrStack, type ClrStack } from './helpers/clr-stack.js';
import { ALICE, SCOPES } from './helpers/provider.js';

let s: ClrStack;
beforeAll(async () => {
  s = await startClrStack();
});
afterAll(() => s.close());

/** Each CLR operation, the scope it needs and a request that would otherwise succeed. */
const operations = [
  { name: 'getClrs', scope: CLR_SCOPES.readonly, method: 'GET', path: () => `${CLR}/clrs`, ok: 200 },
  { name: 'getClr', scope: CLR_SCOPES.readonly, method: 'GET', path: () => `${CLR}/clrs/alice-01`, ok: 200 },
  { name: 'postClr', scope: CLR_SCOPES.replace, method: 'POST', path: () => `${CLR}/clrs`, ok: 201, json: { '@context': CLR_CONTEXT, clr: foreignClr(ALICE.email, 40) } },
  { name: 'deleteClr', scope: CLR_SCOPES.delete, method: 'DELETE', path: () => `${CLR}/clrs/alice-02`, ok: 204 },
] as const;

describe('scopes and tokens', () => {
  it.each(operations)('$name needs its own scope: 403 forbidden with the other two, then success', async (op) => {
    const others = Object.values(CLR_SCOPES).filter((sc) => sc !== op.scope);
    const denied = await s.call(op.path(), { method: op.method, token: await s.token(others), ...('json' in op ? { json: op.json } : {}) });
    expect(denied.headers.get('www-authenticate')).toBe(`Bearer realm="clr", error="insufficient_scope", scope="${op.scope}"`);
    await expectStatusInfo(denied, 403, 'forbidden');
    const allowed = await s.call(op.path(), { method: op.method, token: await s.token([op.scope]), ...('json' in op ? { json: op.json } : {}) });
    expect(allowed.status).toBe(op.ok);
  });

  it('Badge Connect scopes grant nothing on the CLR API', async () => {
    const bc = await s.token([SCOPES.assertionReadonly, SCOPES.profileReadonly]);
    await expectStatusInfo(await s.call(`${CLR}/clrs`, { token: bc }), 403, 'forbidden');
  });

  it.each(operations)('$name without a token: 401 unauthorizedrequest with a Bearer challenge', async (op) => {
    const res = await s.call(op.path(), { method: op.method });
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="clr"');
    await expectStatusInfo(res, 401, 'unauthorizedrequest');
  });

  it.each([
    ['an unknown token', { authorization: 'Bearer not-a-real-token' }, 'Bearer realm="clr", error="invalid_token"'],
    ['a malformed header', { authorization: 'Bearer a b c' }, 'Bearer realm="clr", error="invalid_token"'],
    ['another scheme', { authorization: 'Basic YWxpY2U6cHc=' }, 'Bearer realm="clr"'],
  ])('%s: 401 unauthorizedrequest', async (_n, headers, challenge) => {
    const res = await s.call(`${CLR}/clrs`, { headers });
    expect(res.headers.get('www-authenticate')).toBe(challenge);
    await expectStatusInfo(res, 401, 'unauthorizedrequest');
  });

  it('a token in the query string is refused', async () => {
    const res = await s.call(`${CLR}/clrs?access_token=${await s.token()}`);
    expect(res.headers.get('www-authenticate')).toMatch(/error="invalid_request"/);
    await expectStatusInfo(res, 401, 'unauthorizedrequest');
  });

  it('a token revoked at the auth server is refused on the next call', async () => {
    const { token, revoke } = await s.obtainToken([CLR_SCOPES.readonly]);
    expect((await s.call(`${CLR}/clrs`, { token })).status).toBe(200);
    expect((await revoke()).status).toBe(200);
    await expectStatusInfo(await s.call(`${CLR}/clrs`, { token }), 401, 'unauthorizedrequest');
  });

  it('unknown paths under the CLR base are 404 in imsx_StatusInfo', async () => {
    await expectStatusInfo(await s.call(`${CLR}/nothing-here`), 404, 'invalid_data');
    await expectStatusInfo(await s.call(`${CLR}/clrs/alice-01/extra`, { token: await s.token() }), 404, 'invalid_data');
  });
});

describe('malformed input never yields a 5xx', () => {
  it('arbitrary JSON bodies to POST /clrs', async () => {
    const token = await s.token();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const res = await s.call(`${CLR}/clrs`, { method: 'POST', token, json: value });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });

  it('mutated ClrPayloads (every top-level property of a valid Clr replaced by junk)', async () => {
    const token = await s.token();
    const clr = foreignClr(ALICE.email, 50);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(clr)), fc.jsonValue(), async (key, junk) => {
        const res = await s.call(`${CLR}/clrs`, { method: 'POST', token, json: { '@context': CLR_CONTEXT, clr: { ...clr, [key]: junk } } });
        expect(res.status).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });

  it('arbitrary path segments and query strings', async () => {
    const token = await s.token();
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), async (segment, query) => {
        const a = await s.call(`${CLR}/clrs/${encodeURIComponent(segment || 'x')}`, { token });
        expect(a.status).toBeLessThan(500);
        const b = await s.call(`${CLR}/clrs?since=${encodeURIComponent(query)}&limit=${encodeURIComponent(query)}`, { token });
        expect(b.status).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
    for (const raw of ['%', '%E0%A4%A', '..%2F..%2Fetc', '%00']) {
      expect((await s.call(`${CLR}/clrs/${raw}`, { token })).status).toBeLessThan(500);
    }
  });
});

describe('request logs', () => {
  it('never contain tokens or bodies', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const logged = await startClrStack({ logger: pino(sink) });
    const marker = 'clr-body-marker-never-logged';
    const token = await logged.token();
    try {
      await logged.call(`${CLR}/clrs?limit=2`, { token });
      await logged.call(`${CLR}/clrs`, { method: 'POST', token, json: { '@context': CLR_CONTEXT, clr: foreignClr(ALICE.email, 60, { name: marker }) } });
      await logged.call(`${CLR}/clrs`, { method: 'POST', token, headers: { 'content-type': 'application/json' }, body: `{"x": "${marker}` });
    } finally {
      await logged.close();
    }
    expect(lines.filter((l) => (JSON.parse(l) as { msg: string }).msg === 'request').length).toBeGreaterThanOrEqual(3);
    for (const line of lines) {
      expect(line).not.toContain(token);
      expect(line).not.toContain(marker);
    }
  });
});

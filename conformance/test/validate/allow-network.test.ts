/**
 * `validate --allow-network` over a real socket: an OB 2.0 issuer (profile, badge class, key, revocation
 * list, hosted assertion) served by an HTTP server on 127.0.0.1, no --resolve, nothing mocked.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HttpEvent } from '../../src/engine/events.js';
import { writeSignedAssertionFixtures, type AssertionFixtures } from '../clr/signed-fixtures.js';
import { notPassed, runValidate } from '../clr/support.js';

let server: Server;
let fx: AssertionFixtures;
let site = '';
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    const file = join(site, `${path}.json`);
    if (path.includes('..') || !existsSync(file)) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{}');
    res.writeHead(200, { 'content-type': 'application/ld+json' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // The ids must name the server, so the documents are written once its port is known.
  fx = await writeSignedAssertionFixtures(`http://127.0.0.1:${port}/`);
  site = fx.site;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  requests.length = 0;
});

const steps = (checks: Awaited<ReturnType<typeof runValidate>>['checks'], outcome: string) =>
  checks.filter((c) => c.checkId === 'ensure-verification-step' && c.outcome === outcome).map((c) => c.title.split(': ').pop());

describe('validate --allow-network', () => {
  it('fetches the key, badge class, issuer and revocation list of a signed assertion and verifies it', async () => {
    const { code, checks, events } = await runValidate([fx.files.signed], { allowNetwork: true });
    expect(notPassed(checks)).toEqual([]);
    expect(code).toBe(0);
    for (const step of ['signed.key-unavailable', 'signed.bad-signature', 'signed.key-not-owned', 'revocation.list-unavailable', 'revocation.revoked']) {
      expect(steps(checks, 'pass')).toContain(step);
    }
    expect(new Set(requests)).toEqual(new Set(['/keys/1', '/badges/1', '/issuer', '/revocations']));
    // Every fetch is an exchange of the run, recorded like any other.
    const fetched = events.filter((e): e is HttpEvent => e.type === 'http').map((e) => [new URL(e.request.url).pathname, e.response?.status]);
    expect(fetched).toEqual(expect.arrayContaining([['/keys/1', 200], ['/badges/1', 200], ['/issuer', 200]]));
  });

  it('fetches the hosted copy of a hosted assertion and compares it', async () => {
    const { code, checks } = await runValidate([fx.files.hosted], { allowNetwork: true });
    expect(notPassed(checks)).toEqual([]);
    expect(code).toBe(0);
    expect(steps(checks, 'pass')).toEqual(expect.arrayContaining(['hosted.fetch-failed', 'hosted.mismatch', 'hosted.origin-not-allowed']));
    expect(requests).toContain('/assertions/1');
  });

  it('fails a tampered assertion with signed.bad-signature once the key is fetched', async () => {
    const { code, checks } = await runValidate([fx.files.tampered], { allowNetwork: true });
    expect(code).toBe(1);
    expect(steps(checks, 'fail')).toEqual(['signed.bad-signature']);
    expect(requests).toContain('/keys/1');
  });

  it('without the flag contacts nothing: the key is a skip with the reason, never a pass', async () => {
    const { code, checks } = await runValidate([fx.files.signed]);
    // The signature was not checked: inconclusive (exit 3), not a pass.
    expect(code).toBe(3);
    expect(requests).toEqual([]);
    const key = checks.find((c) => c.title.endsWith('signed.key-unavailable'));
    expect(key).toMatchObject({ outcome: 'skip', message: expect.stringMatching(/network access is not allowed/) });
    expect(steps(checks, 'pass')).not.toContain('signed.bad-signature');
  });

  it('reports a document the server does not have as unverifiable, not as a failure of the assertion', async () => {
    const key = join(site, 'keys/1.json');
    const saved = readFileSync(key);
    rmSync(key);
    try {
      const { code, checks } = await runValidate([fx.files.signed], { allowNetwork: true });
      expect(code).toBe(3);
      expect(checks.find((c) => c.title.endsWith('signed.key-unavailable'))).toMatchObject({ outcome: 'skip' });
      expect(requests).toContain('/keys/1');
    } finally {
      writeFileSync(key, saved);
    }
  });
});

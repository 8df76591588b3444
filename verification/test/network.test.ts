// The network path: the same valid issuer served over a real HTTP server on 127.0.0.1 with allowNetwork.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, verifyAssertion, verifyClr, type Fetcher } from '../src/index.js';
import { documents, keys, NOW, publishedTree, sign, tamper, writeTree, type Documents, type Keys } from './fixtures.js';

let server: Server;
let dir = '';
let k: Keys;
let d: Documents;
let fetcher: Fetcher;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? '/').replace(/\?.*$/, '');
    if (path === '/assertions/gone.json') {
      res.statusCode = 410;
      res.setHeader('content-type', 'application/json');
      return void res.end(JSON.stringify({ id: 'x', revoked: true, revocationReason: 'Withdrawn.' }));
    }
    if (path.includes('..')) return void res.writeHead(400).end();
    readFile(join(dir, path))
      .then((body) => res.writeHead(200, { 'content-type': 'application/ld+json' }).end(body))
      .catch(() => res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  k = await keys();
  d = documents(base, { issuer: k.issuer.pem, foreign: k.foreign.pem });
  dir = await writeTree({ ...publishedTree(d), 'clrs/1': d.clr(d.u('clrs/1'), { type: 'Hosted' }) });
  fetcher = createFetcher({ allowNetwork: true, timeoutMs: 5_000 });
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('verification over HTTP', () => {
  it('verifies a hosted assertion fetched from the server', async () => {
    const r = await verifyAssertion(d.hosted, { fetcher, now: NOW });
    expect(r.steps.filter((s) => s.outcome !== 'pass')).toEqual([]);
    expect(r.status).toBe('verified');
  });

  it('verifies a signed assertion whose key and revocation list come from the server', async () => {
    const r = await verifyAssertion(await sign(d.signed, k.issuer.privateKey), { fetcher, now: NOW });
    expect(r.status).toBe('verified');
  });

  it('tampered signed assertion → signed.bad-signature', async () => {
    const jws = tamper(await sign(d.signed, k.issuer.privateKey), (p) => ({ ...p, narrative: 'added later' }));
    const r = await verifyAssertion(jws, { fetcher, now: NOW });
    expect(r.steps.find((s) => s.code === 'signed.bad-signature')?.outcome).toBe('fail');
  });

  it('HTTP 410 → hosted.gone', async () => {
    const r = await verifyAssertion({ ...d.hosted, id: d.u('assertions/gone.json') }, { fetcher, now: NOW });
    expect(r.steps.find((s) => s.code === 'hosted.gone')?.outcome).toBe('fail');
    expect(r.status).toBe('failed');
  });

  it('HTTP 404 for the hosted copy → hosted.fetch-failed unverifiable', async () => {
    const r = await verifyAssertion({ ...d.hosted, id: d.u('assertions/none.json') }, { fetcher, now: NOW });
    expect(r.steps.find((s) => s.code === 'hosted.fetch-failed')?.outcome).toBe('unverifiable');
    expect(r.status).toBe('unverifiable');
  });

  it('a hosted CLR is fetched from its id (its getClr URL)', async () => {
    const r = await verifyClr(d.clr(d.u('clrs/1'), { type: 'Hosted' }), { fetcher, now: NOW });
    expect(r.method).toBe('hosted');
    expect(r.steps.find((s) => s.code === 'hosted.mismatch')?.outcome).toBe('pass');
    expect(r.steps.find((s) => s.code === 'hosted.origin-not-allowed')?.outcome).toBe('pass');
  });
});

// The fetcher: --resolve mappings, traversal refusal, no network unless allowed, timeout and byte cap on a real socket.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher } from '../src/index.js';
import { writeTree } from './fixtures.js';

let dir: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  dir = await writeTree({ 'a/doc.json': { id: 'doc' }, 'issuer.json': { id: 'issuer' }, 'nested/x.json': { id: 'nested' }, 'a.jsonld': { id: 'ld' } });
  server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/slow') return void setTimeout(() => res.end('{}'), 5_000);
    if (url === '/big') {
      res.setHeader('content-type', 'application/json');
      return void res.end(JSON.stringify({ pad: 'x'.repeat(5_000) }));
    }
    if (url === '/big-chunked') {
      res.setHeader('content-type', 'application/json');
      res.write('{"pad":"');
      for (let i = 0; i < 10; i++) res.write('y'.repeat(1_000));
      return void res.end('"}');
    }
    const hops = /^\/redirect\/(\d+)$/.exec(url);
    if (hops) {
      const n = Number(hops[1]);
      res.statusCode = 302;
      res.setHeader('location', n > 0 ? `/redirect/${n - 1}` : '/ok');
      return void res.end();
    }
    if (url === '/ok') {
      res.setHeader('content-type', 'application/ld+json');
      return void res.end(JSON.stringify({ accept: req.headers.accept }));
    }
    if (url === '/gone') {
      res.statusCode = 410;
      return void res.end('{"revoked":true}');
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('createFetcher: --resolve mappings', () => {
  it('maps a URL under a prefix to a file under the dir', async () => {
    const f = createFetcher({ allowNetwork: false, resolve: [{ prefix: 'https://issuer.example.org/', dir }] });
    const r = await f('https://issuer.example.org/a/doc.json');
    expect(r).toMatchObject({ ok: true, status: 200, contentType: 'application/json' });
    expect(r.ok && JSON.parse(r.body)).toEqual({ id: 'doc' });
    const ld = await f('https://issuer.example.org/a.jsonld');
    expect(ld).toMatchObject({ ok: true, contentType: 'application/ld+json' });
  });

  it('falls back to <path>.json when the last segment has no extension, and ignores query strings', async () => {
    const f = createFetcher({ allowNetwork: false, resolve: [{ prefix: 'https://issuer.example.org/', dir }] });
    expect(await f('https://issuer.example.org/issuer')).toMatchObject({ ok: true });
    expect(await f('https://issuer.example.org/issuer.json?v=2_0')).toMatchObject({ ok: true });
    expect(await f('https://issuer.example.org/missing')).toMatchObject({ ok: false, reason: 'not-found' });
  });

  it('prefers the longest matching prefix', async () => {
    const f = createFetcher({
      allowNetwork: false,
      resolve: [
        { prefix: 'https://issuer.example.org/', dir: '/nonexistent' },
        { prefix: 'https://issuer.example.org/n/', dir: `${dir}/nested` },
      ],
    });
    const r = await f('https://issuer.example.org/n/x.json');
    expect(r.ok && JSON.parse(r.body)).toEqual({ id: 'nested' });
  });

  it.each(['../etc/passwd', 'a/../../etc/passwd', '%2e%2e/%2e%2e/etc/passwd', '..%2Fetc%2Fpasswd', 'a%2F..%2F..%2Fx'])('refuses traversal: %s', async (rest) => {
    const f = createFetcher({ allowNetwork: true, resolve: [{ prefix: 'https://issuer.example.org/', dir: `${dir}/a` }] });
    const r = await f(`https://issuer.example.org/${rest}`);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toBe('not-allowed');
  });

  it('applies the byte cap to mapped files', async () => {
    const f = createFetcher({ allowNetwork: false, resolve: [{ prefix: 'https://issuer.example.org/', dir }], maxBytes: 5 });
    expect(await f('https://issuer.example.org/issuer.json')).toMatchObject({ ok: false, reason: 'too-large' });
  });
});

describe('createFetcher: network', () => {
  it('refuses the network unless allowed', async () => {
    let called = false;
    const f = createFetcher({ allowNetwork: false, fetchImpl: (async () => ((called = true), new Response('{}'))) as typeof fetch });
    expect(await f(`${origin}/ok`)).toMatchObject({ ok: false, reason: 'not-allowed' });
    expect(called).toBe(false);
  });

  it('fetches with the JSON-LD accept header and reports status codes', async () => {
    const f = createFetcher({ allowNetwork: true });
    const r = await f(`${origin}/ok`);
    expect(r).toMatchObject({ ok: true, status: 200, contentType: 'application/ld+json' });
    expect(r.ok && JSON.parse(r.body)).toEqual({ accept: 'application/ld+json, application/json' });
    expect(await f(`${origin}/gone`)).toMatchObject({ ok: true, status: 410 });
  });

  it('follows up to 5 redirects and reports the final URL', async () => {
    const f = createFetcher({ allowNetwork: true });
    expect(await f(`${origin}/redirect/4`)).toMatchObject({ ok: true, status: 200, url: `${origin}/ok` });
    expect(await f(`${origin}/redirect/5`)).toMatchObject({ ok: false, reason: 'network' });
  });

  it('times out on a socket that does not answer in time', async () => {
    const f = createFetcher({ allowNetwork: true, timeoutMs: 200 });
    const started = Date.now();
    expect(await f(`${origin}/slow`)).toMatchObject({ ok: false, reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('caps the size by Content-Length and while streaming', async () => {
    const f = createFetcher({ allowNetwork: true, maxBytes: 1_000 });
    expect(await f(`${origin}/big`)).toMatchObject({ ok: false, reason: 'too-large' });
    expect(await f(`${origin}/big-chunked`)).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('reports connection failures as network', async () => {
    const f = createFetcher({ allowNetwork: true, timeoutMs: 2_000 });
    expect(await f('http://127.0.0.1:1/nothing')).toMatchObject({ ok: false, reason: 'network' });
    expect(await f('ftp://example.org/x')).toMatchObject({ ok: false, reason: 'network' });
  });
});

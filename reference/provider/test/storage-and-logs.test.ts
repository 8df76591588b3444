import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { listen } from '../../shared/listen.js';
import { createApp } from '../src/app.js';
import { foreignAssertion, foreignIssuerDocuments, publish, publishedFetcher } from './helpers/badges.js';
import { startIntrospectionStandIn, type IntrospectionStandIn } from './helpers/introspection-stand-in.js';
import { ALICE, API, standInAuthServer, startProvider } from './helpers/provider.js';

let dir: string;
let introspection: IntrospectionStandIn;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'provider-test-'));
  introspection = await startIntrospectionStandIn();
});
afterAll(async () => {
  await introspection.close();
  rmSync(dir, { recursive: true, force: true });
});

/** One run of the app on a database file, with a fixed public origin (the socket's own address differs). */
async function run<T>(database: string, origin: string, body: (socket: string) => Promise<T>): Promise<T> {
  const published = await foreignIssuerDocuments();
  publish(published, foreignAssertion(ALICE.email, 77));
  const app = createApp({
    origin,
    database,
    authServer: standInAuthServer(introspection.introspectionUrl),
    logger: false,
    introspectionCacheSeconds: 0,
    remoteDocuments: publishedFetcher(published),
  });
  const server = await listen(app.handler, '127.0.0.1', 0);
  try {
    return await body(server.origin);
  } finally {
    await server.close();
    app.close();
  }
}

describe('storage', () => {
  it('keeps the generated signing key, posted assertions and profile changes across restarts', async () => {
    const file = join(dir, 'restart', 'provider.sqlite');
    const origin = 'https://provider.example.org';
    const token = introspection.issue(ALICE.id, ['https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.readonly', 'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.create', 'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.update', 'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.readonly']);
    const auth = { authorization: `Bearer ${token}` };
    const firstKey = await run(file, origin, async (s) => {
      const post = await fetch(`${s}${API}/assertions`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ assertion: foreignAssertion(ALICE.email, 77) }),
      });
      expect(post.status).toBe(200);
      await fetch(`${s}${API}/profile`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ id: ALICE.id, type: 'Profile', url: 'https://example.org/alice' }),
      });
      return ((await (await fetch(`${s}/public/issuer`)).json()) as { publicKey: string }).publicKey;
    });
    expect(firstKey).toMatch(/^https:\/\/provider\.example\.org\/public\/keys\/rsa-/);

    await run(file, origin, async (s) => {
      expect(((await (await fetch(`${s}/public/issuer`)).json()) as { publicKey: string }).publicKey).toBe(firstKey);
      const list = await fetch(`${s}${API}/assertions?limit=100`, { headers: auth });
      expect(list.headers.get('x-total-count')).toBe('24');
      const profile = (await (await fetch(`${s}${API}/profile`, { headers: auth })).json()) as { profile: { url: string } };
      expect(profile.profile.url).toBe('https://example.org/alice');
    });

    // A new public origin rebuilds the seed (its ids embed the origin) and keeps what users posted.
    await run(file, 'https://moved.example.org', async (s) => {
      const body = (await (await fetch(`${s}${API}/assertions?limit=100`, { headers: auth })).json()) as { assertions: { id: string }[] };
      expect(body.assertions).toHaveLength(20);
      expect(body.assertions.filter((a) => a.id.startsWith('https://moved.example.org/public/assertions/'))).toHaveLength(19);
      expect(body.assertions.some((a) => a.id === 'https://example.org/assertions/77')).toBe(true);
      expect(body.assertions.some((a) => a.id.startsWith('https://provider.example.org/'))).toBe(false);
    });

    // The private key is kept with the data, never published.
    const db = new Database(file, { readonly: true });
    const keys = db.prepare('SELECT private_pem FROM keys').all() as { private_pem: string }[];
    db.close();
    expect(keys).toHaveLength(1);
    expect(keys[0]?.private_pem).toContain('PRIVATE KEY');
  });
});

describe('request logs', () => {
  it('write one line per request without tokens, query strings or bodies', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const p = await startProvider({ logger: pino(sink), introspection });
    const token = p.token();
    const secretBody = 'body-marker-should-not-be-logged';
    try {
      await p.call(`${API}/assertions?limit=2`, { token });
      await p.call(`${API}/profile?access_token=${token}`);
      await p.call(`${API}/assertions`, { method: 'POST', token, json: { assertion: publish(p.published, foreignAssertion(ALICE.email, 5, { narrative: secretBody })) } });
      await p.call(`${API}/profile`, { method: 'POST', token, headers: { 'content-type': 'application/json' }, body: `{"broken": "${secretBody}` });
    } finally {
      await p.close();
    }
    const requestLines = lines.filter((l) => (JSON.parse(l) as { msg: string }).msg === 'request');
    expect(requestLines).toHaveLength(4);
    for (const line of lines) {
      expect(line).not.toContain(token);
      expect(line).not.toContain(secretBody);
      expect(line).not.toContain('limit=2');
    }
    expect(JSON.parse(requestLines[0] as string)).toMatchObject({ method: 'GET', path: `${API}/assertions`, status: 200 });
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpEvent } from '../../src/engine/events.js';
import { HttpClient } from '../../src/engine/http.js';
import { REDACTED, Redactor } from '../../src/engine/redact.js';

let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/redirect') {
      res.writeHead(302, { location: 'https://client.example.com/cb?code=abc123secret&state=xyz' });
      res.end();
    } else if (req.url === '/big') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('x'.repeat(5000));
    } else if (req.url === '/slow') {
      setTimeout(() => res.end('late'), 1000);
    } else if (req.url === '/cookies') {
      res.setHeader('set-cookie', ['sid=session-secret-1; HttpOnly', 'pref=a']);
      res.end('ok');
    } else {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ access_token: 'tok-abcdef-123', echo: body.length }));
      });
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function client(records: Omit<HttpEvent, 'type' | 'time' | 'planId' | 'scenarioId'>[], redactor = new Redactor()) {
  return new HttpClient({ timeoutMs: 300, maxResponseBytes: 1000, redactor, userAgent: 'test', record: (r) => records.push(r) });
}

describe('HttpClient', () => {
  it('does not follow redirects and redacts the code in Location', async () => {
    const records: Parameters<typeof client>[0] = [];
    const x = await client(records).send({ url: `${origin}/redirect` });
    expect(x.status).toBe(302);
    expect(x.headers.location).toContain('code=abc123secret');
    expect(records[0]?.response?.headers.location).toContain(`code=${encodeURIComponent(REDACTED)}`);
    expect(JSON.stringify(records)).not.toContain('abc123secret');
  });

  it('caps the response size and says so', async () => {
    const x = await client([]).send({ url: `${origin}/big` });
    expect(x.truncated).toBe(true);
    expect(x.text.length).toBe(1000);
    expect(x.error?.code).toBe('response-too-large');
  });

  it('times out with a transport error instead of hanging', async () => {
    const x = await client([]).send({ url: `${origin}/slow` });
    expect(x.status).toBe(0);
    expect(x.error?.code).toBe('timeout');
  });

  it('reports a refused connection', async () => {
    const x = await client([]).send({ url: 'http://127.0.0.1:9/' });
    expect(x.error?.code).toBe('connection');
  });

  it('redacts Authorization, secret JSON keys, form secrets and cookies in records', async () => {
    const records: Parameters<typeof client>[0] = [];
    const redactor = new Redactor();
    redactor.addSecret('my-client-secret');
    const c = client(records, redactor);
    const x = await c.send({
      method: 'POST',
      url: `${origin}/token`,
      headers: { Authorization: 'Basic bXktY2xpZW50OnNlY3JldA==' },
      form: { grant_type: 'authorization_code', code: 'the-code-value', code_verifier: 'verifier-value-xyz', note: 'my-client-secret' },
    });
    expect(x.status).toBe(200);
    const cookie = await c.send({ url: `${origin}/cookies` });
    expect(cookie.setCookies).toHaveLength(2);
    const text = JSON.stringify(records);
    for (const secret of ['bXktY2xpZW50OnNlY3JldA==', 'the-code-value', 'verifier-value-xyz', 'tok-abcdef-123', 'my-client-secret', 'session-secret-1']) {
      expect(text).not.toContain(secret);
    }
    expect(records[0]?.request.headers.authorization).toBe(`Basic ${REDACTED}`);
  });
});

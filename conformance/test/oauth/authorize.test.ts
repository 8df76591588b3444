import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize, buildAuthorizationUrl, MAX_REDIRECTS } from '../../src/actions/authorize.js';
import { contextFor } from './helpers.js';

const REDIRECT_URI = 'https://client.example.com/cb';
const CODE = `code-${randomBytes(8).toString('hex')}`;

/** A tiny authorization server: redirect to sign-in, sign-in form, consent form, redirect to the client. */
function startServer(): Promise<{ server: Server; origin: string; seen: string[] }> {
  const seen: string[] = [];
  const html = (body: string) => `<!doctype html><html><body>${body}</body></html>`;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push(`${req.method} ${url.pathname}${url.search}`);
    const body = new URLSearchParams(await readBody(req));
    const cookies = req.headers.cookie ?? '';
    const send = (status: number, text: string, headers: Record<string, string | string[]> = {}) => {
      res.writeHead(status, { 'content-type': 'text/html', ...headers });
      res.end(text);
    };
    switch (`${req.method} ${url.pathname}`) {
      case 'GET /authorize':
        return send(302, '', { location: `/signin?state=${url.searchParams.get('state')}`, 'set-cookie': 'flow=f1; Path=/; HttpOnly' });
      case 'GET /signin':
        if (!cookies.includes('flow=f1')) return send(400, html('no flow cookie'));
        return send(200, html(`<form method="post" action="/signin?state=${url.searchParams.get('state')}">
          <input type="hidden" name="csrf" value="k1"><input name="username"><input type="password" name="password">
          <button type="submit">Sign in</button></form>`));
      case 'POST /signin':
        if (body.get('csrf') !== 'k1') return send(403, html('csrf'));
        if (body.get('password') !== 'right') {
          return send(200, html(`<form method="post" action="/signin?state=${url.searchParams.get('state')}"><input type="hidden" name="csrf" value="k1"><input name="username"><input type="password" name="password"><button>Sign in</button></form>`));
        }
        return send(303, '', { location: `/consent?state=${url.searchParams.get('state')}`, 'set-cookie': ['sid=s1; Path=/', 'flow=; Max-Age=0; Path=/'] });
      case 'GET /consent':
        if (!cookies.includes('sid=s1') || cookies.includes('flow=')) return send(401, html('not signed in'));
        return send(200, html(`<form method="post" action="/consent"><input type="hidden" name="state" value="${url.searchParams.get('state')}">
          <button name="decision" value="approve">Allow</button><button name="decision" value="deny">Deny</button></form>`));
      case 'POST /consent': {
        const state = body.get('state') ?? '';
        const params = body.get('decision') === 'approve' ? `code=${CODE}` : 'error=access_denied';
        return send(302, '', { location: `${REDIRECT_URI}?${params}&state=${state}&iss=http%3A%2F%2Fas` });
      }
      case 'GET /broken':
        return send(500, html('<form><input name="x"></form>'));
      case 'GET /plain':
        return send(200, html('<p>unknown client</p>'));
      case 'GET /loop':
        return send(302, '', { location: '/loop' });
      default:
        if (url.pathname.startsWith('/hop/')) return send(302, '', { location: `/hop/${Number(url.pathname.slice(5)) + 1}` });
        return send(404, html('not found'));
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen })),
  );
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

let srv: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(() => new Promise<void>((r) => srv.server.close(() => r())));

const run = (fields: Record<string, string>, path = '/authorize', params: Record<string, string | undefined> = { state: 'st-1' }) => {
  const { ctx, events } = contextFor(fields);
  return authorize(ctx, { authorizationUrl: `${srv.origin}${path}`, params, redirectUris: [REDIRECT_URI] }).then((r) => ({ r, events }));
};

describe('authorize (--authorize auto)', () => {
  it('signs in, approves, and stops at the redirect URI without fetching it', async () => {
    const { r, events } = await run({ username: 'alice', password: 'right' });
    expect(r).toMatchObject({ outcome: 'redirected', code: CODE, state: 'st-1', iss: 'http://as' });
    expect(r.exchanges.map((x) => `${x.request.method} ${new URL(x.request.url).pathname}`)).toEqual([
      'GET /authorize',
      'GET /signin',
      'POST /signin',
      'GET /consent',
      'POST /consent',
    ]);
    // Every hop is evidence, and the code never reaches a record.
    expect(events.filter((e) => e.type === 'http')).toHaveLength(5);
    expect(JSON.stringify(events)).not.toContain(CODE);
  });

  it('presses the button named by an auth field', async () => {
    const { r } = await run({ username: 'alice', password: 'right', decision: 'deny' });
    expect(r).toMatchObject({ outcome: 'redirected', error: 'access_denied' });
    expect(r.code).toBeUndefined();
  });

  it('reports a sign-in form that comes back (wrong credentials) as a loop', async () => {
    const { r } = await run({ username: 'alice', password: 'wrong' });
    expect(r.outcome).toBe('loop');
    expect(r.failure).toContain('username, password');
  });

  it('stops at an error page, a page without a form, and redirect loops', async () => {
    expect((await run({}, '/broken')).r).toMatchObject({ outcome: 'error-page', finalStatus: 500 });
    expect((await run({}, '/plain')).r).toMatchObject({ outcome: 'no-form', finalStatus: 200 });
    expect((await run({}, '/loop')).r.outcome).toBe('loop');
    const hops = (await run({}, '/hop/0')).r;
    expect(hops).toMatchObject({ outcome: 'loop' });
    expect(hops.exchanges).toHaveLength(MAX_REDIRECTS + 1);
  });

  it('drops parameters set to undefined and keeps the rest', () => {
    const url = new URL(buildAuthorizationUrl('https://as.example.com/authorize?tenant=1', { response_type: 'code', code_challenge: undefined }));
    expect([...url.searchParams.keys()]).toEqual(['tenant', 'response_type']);
  });
});

import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listen } from '../../../shared/listen.js';

export const RS_CLIENT_ID = 'provider-under-test';
export const RS_CLIENT_SECRET = 'provider-test-secret';

interface TokenRecord {
  sub: string;
  scope: string;
  client_id: string;
  exp: number;
  revoked: boolean;
}

/**
 * A small real RFC 7662 endpoint over a socket, standing in for the auth server in tests: it checks the
 * resource server's Basic credential and answers for tokens the test issued.
 */
export async function startIntrospectionStandIn() {
  const tokens = new Map<string, TokenRecord>();
  let calls = 0;
  let failing = false;
  const expectedAuth = `Basic ${Buffer.from(`${RS_CLIENT_ID}:${RS_CLIENT_SECRET}`).toString('base64')}`;

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      calls++;
      const reply = (status: number, body: object) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (failing) return reply(503, { error: 'temporarily_unavailable' });
      if (req.method !== 'POST' || req.url !== '/introspect') return reply(404, { error: 'not_found' });
      if (req.headers.authorization !== expectedAuth) return reply(401, { error: 'invalid_client' });
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const rec = tokens.get(form.get('token') ?? '');
      if (!rec || rec.revoked || rec.exp * 1000 <= Date.now()) return reply(200, { active: false });
      reply(200, { active: true, scope: rec.scope, client_id: rec.client_id, sub: rec.sub, exp: rec.exp, token_type: 'Bearer' });
    });
  };
  const server = await listen(handler, '127.0.0.1', 0);

  return {
    introspectionUrl: `${server.origin}/introspect`,
    /** Issues a fresh opaque token for a user with the given scopes. */
    issue(sub: string, scopes: readonly string[], ttlSeconds = 3600): string {
      const token = randomBytes(24).toString('base64url');
      tokens.set(token, { sub, scope: scopes.join(' '), client_id: 'test-client', exp: Math.floor(Date.now() / 1000) + ttlSeconds, revoked: false });
      return token;
    },
    revoke(token: string): void {
      const rec = tokens.get(token);
      if (rec) rec.revoked = true;
    },
    setFailing(value: boolean): void {
      failing = value;
    },
    get calls() {
      return calls;
    },
    close: server.close,
  };
}

export type IntrospectionStandIn = Awaited<ReturnType<typeof startIntrospectionStandIn>>;

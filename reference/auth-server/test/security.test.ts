import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { listen } from '../../shared/listen.js';
import { createApp } from '../src/app.js';
import { RS, authorize, clientMetadata, exchangeCode, introspect, refresh, register, revoke, startServer } from './helpers.js';

describe('security properties', () => {
  it('sets nosniff and frame denial everywhere, CSP on pages, nothing identifying the framework', async () => {
    const server = await startServer();
    try {
      const meta = await fetch(`${server.origin}/.well-known/oauth-authorization-server`);
      expect(meta.headers.get('x-content-type-options')).toBe('nosniff');
      expect(meta.headers.get('x-frame-options')).toBe('DENY');
      expect(meta.headers.get('x-powered-by')).toBeNull();
      const page = await fetch(`${server.origin}/account`);
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(page.headers.get('cache-control')).toBe('no-store');
    } finally {
      await server.close();
    }
  });

  it('publishes RFC 8414 metadata for its issuer', async () => {
    const server = await startServer();
    try {
      const body = (await (await fetch(`${server.origin}/.well-known/oauth-authorization-server`)).json()) as Record<string, unknown>;
      expect(body).toMatchObject({
        issuer: server.origin,
        authorization_endpoint: `${server.origin}/authorize`,
        token_endpoint: `${server.origin}/token`,
        registration_endpoint: `${server.origin}/register`,
        revocation_endpoint: `${server.origin}/revoke`,
        introspection_endpoint: `${server.origin}/introspect`,
        response_types_supported: ['code'],
        grant_types_supported: ['authorization_code', 'refresh_token'],
        token_endpoint_auth_methods_supported: ['client_secret_basic'],
        code_challenge_methods_supported: ['S256'],
      });
      expect(body.scopes_supported).toHaveLength(8); // four Badge Connect, three CLR, offline_access
      const missing = await fetch(`${server.origin}/nope`);
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as { error: string }).error).toBe('invalid_request');
      const wrongMethod = await fetch(`${server.origin}/token`);
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.headers.get('allow')).toBe('POST');
      expect((await fetch(`${server.origin}/authorize`, { method: 'POST' })).headers.get('allow')).toBe('GET, HEAD');
    } finally {
      await server.close();
    }
  });

  it('logs one line per request and never a secret, token, code, password or cookie', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write(chunk, _enc, cb) { lines.push(String(chunk)); cb(); } });
    const server = await startServer({ logger: pino({ level: 'info' }, sink) });
    try {
      const client = await register(server.origin);
      const { location, verifier, cookie } = await authorize(server.origin, client);
      const code = location.searchParams.get('code') ?? '';
      const tokens = (await (await exchangeCode(server.origin, client, code, verifier)).json()) as Record<string, string>;
      await refresh(server.origin, client, tokens.refresh_token ?? '');
      await introspect(server.origin, tokens.access_token ?? '');
      await revoke(server.origin, client, tokens.access_token ?? '');
      await exchangeCode(server.origin, client, code, verifier);
      const log = lines.join('');
      const secrets = [client.client_secret, code, verifier, tokens.access_token, tokens.refresh_token, 'alice-demo-password', cookie?.split('=')[1], RS.clientSecret, 'state-123'];
      for (const secret of secrets) expect(log).not.toContain(secret);
      expect(lines.filter((l) => l.includes('"msg":"request"')).length).toBeGreaterThanOrEqual(9);
      expect(log).not.toMatch(/authorization|cookie/i);
    } finally {
      await server.close();
    }
  });

  it('stores client secrets, tokens, codes and passwords only hashed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'auth-server-'));
    const database = join(dir, 'auth.sqlite');
    const server = await startServer({ database });
    let secrets: string[] = [];
    try {
      const client = await register(server.origin);
      const { location, verifier, cookie } = await authorize(server.origin, client);
      const code = location.searchParams.get('code') ?? '';
      const tokens = (await (await exchangeCode(server.origin, client, code, verifier)).json()) as Record<string, string>;
      secrets = [client.client_secret, code, tokens.access_token ?? '', tokens.refresh_token ?? '', cookie?.split('=')[1] ?? '', 'alice-demo-password'];
      expect(secrets.every((x) => x.length > 10)).toBe(true);
    } finally {
      await server.close(); // closes the database, checkpointing the WAL into the file
    }
    const bytes = readFileSync(database).toString('latin1');
    expect(bytes).toContain('Example Backpack');
    for (const secret of secrets) expect(bytes).not.toContain(secret);

    // Restarting on the same file: migrations and user seeding are idempotent, data survives.
    const again = await startServer({ database });
    try {
      const client = await register(again.origin);
      const { location } = await authorize(again.origin, client);
      expect(location.searchParams.get('code')).toBeTruthy();
    } finally {
      await again.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unexpected failure answers 500 server_error with no detail', async () => {
    const app = createApp({ issuer: 'http://127.0.0.1:9', database: ':memory:', resourceServers: [RS], logger: false });
    const running = await listen(app.handler, '127.0.0.1', 0);
    try {
      app.close(); // the database is gone: every store call now throws
      const res = await fetch(`${running.origin}/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(clientMetadata()) });
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ error: 'server_error' });
    } finally {
      await running.close();
    }
  });
});

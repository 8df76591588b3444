import { generateKeyPairSync } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Clock } from '../../../shared/clock.js';
import { DEMO_USERS, type DemoUser } from '../../../shared/demo-users.js';
import { listen } from '../../../shared/listen.js';
import { createApp, type AuthServerOptions } from '../../src/app.js';
import { SCOPES, SCOPES_OFFERED } from '../../src/scopes.js';
import { foreignIssuerDocuments, publishedFetcher, type Published } from './badges.js';
import { RS_CLIENT_ID, RS_CLIENT_SECRET, startIntrospectionStandIn, type IntrospectionStandIn } from './introspection-stand-in.js';

export { SCOPES, SCOPES_OFFERED };
export const ALICE = DEMO_USERS[0] as DemoUser;
export const BOB = DEMO_USERS[1] as DemoUser;
export const API = '/ims/ob/v2p1';

let sharedKeyPem: string | undefined;
/** One RSA key per test file, so each app instance does not generate its own. */
export function testSigningKeyPem(): string {
  sharedKeyPem ??= generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  return sharedKeyPem;
}

export function standInAuthServer(introspectionUrl: string): AuthServerOptions {
  const as = 'https://auth.example.org';
  return {
    issuer: as,
    introspectionUrl,
    clientId: RS_CLIENT_ID,
    clientSecret: RS_CLIENT_SECRET,
    authorizationUrl: `${as}/authorize`,
    tokenUrl: `${as}/token`,
    registrationUrl: `${as}/register`,
    revocationUrl: `${as}/revoke`,
  };
}

export interface StartOptions {
  faults?: string[];
  clock?: Clock;
  database?: string;
  logger?: Logger | false;
  introspection?: IntrospectionStandIn;
  introspectionCacheSeconds?: number;
  signingKeyPem?: string | null;
  /** Foreign documents the provider can fetch, by URL (default: the example.org issuer of helpers/badges.ts). */
  published?: Published;
}

/**
 * The provider on a real socket (port 0) with the introspection stand-in. The origin is only known after
 * listening, so the socket first delegates to a placeholder and then to the app built for that origin.
 */
export async function startProvider(opts: StartOptions = {}) {
  const published = opts.published ?? (await foreignIssuerDocuments());
  const introspection = opts.introspection ?? (await startIntrospectionStandIn());
  let current: RequestListener = (_req: IncomingMessage, res: ServerResponse) => {
    res.statusCode = 503;
    res.end();
  };
  const server = await listen((req, res) => current(req, res), '127.0.0.1', 0);
  const app = createApp({
    origin: server.origin,
    database: opts.database ?? ':memory:',
    faults: opts.faults ?? [],
    authServer: standInAuthServer(introspection.introspectionUrl),
    logger: opts.logger ?? false,
    introspectionCacheSeconds: opts.introspectionCacheSeconds ?? 0,
    remoteDocuments: publishedFetcher(published),
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.signingKeyPem === null ? {} : { signingKey: { privateKeyPem: opts.signingKeyPem ?? testSigningKeyPem() } }),
  });
  current = app.handler;
  const origin = server.origin;

  const token = (user: DemoUser = ALICE, scopes: readonly string[] = SCOPES_OFFERED) => introspection.issue(user.id, scopes);

  /** fetch against the provider; `token` adds the bearer header. */
  const call = (path: string, init: RequestInit & { token?: string; json?: unknown } = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    return fetch(path.startsWith('http') ? path : `${origin}${path}`, { ...init, headers, body, redirect: 'manual' });
  };

  return {
    origin,
    app,
    /** The foreign world: publish a document here and the provider can fetch it at its id. */
    published,
    introspection,
    token,
    call,
    async close() {
      await server.close();
      app.close();
      if (!opts.introspection) await introspection.close();
    },
  };
}

export type TestProvider = Awaited<ReturnType<typeof startProvider>>;

/** Parses an RFC 8288 Link header into rel → URL. */
export function parseLinks(header: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(/,\s*(?=<)/)) {
    const m = /^<([^>]+)>;\s*rel="([^"]+)"$/.exec(part.trim());
    if (m) out[m[2] as string] = m[1] as string;
  }
  return out;
}

/**
 * Starts the reference auth server and Badge Connect provider over real sockets. Used by
 * `npm run reference`, `npm run demo`, the benchmark and the self-tests, so all four run the same stack.
 * With `withWallet` it also starts the reference wallet (reference/consumer), as `npm run reference` does.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { createApp as createAuthServer } from '../../reference/auth-server/src/app.js';
import { createApp as createWallet } from '../../reference/consumer/src/app.js';
import { createApp as createProvider } from '../../reference/provider/src/app.js';
import { listen } from '../../reference/shared/listen.js';

export interface StackOptions {
  host?: string;
  /** 0 picks a free port. */
  authPort?: number;
  providerPort?: number;
  /** Folder for the SQLite files; omitted means in-memory databases. */
  dataDir?: string;
  authFaults?: string[];
  providerFaults?: string[];
  /** Pino logging of requests (off by default: the demo and tests keep their output readable). */
  logRequests?: boolean;
  /** Also start the reference wallet (off by default). */
  withWallet?: boolean;
  walletPort?: number;
  walletFaults?: string[];
}

export interface ReferenceStack {
  authOrigin: string;
  providerOrigin: string;
  manifestUrl: string;
  /** Set only when started `withWallet`. */
  walletOrigin?: string;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export async function startReferenceStack(options: StackOptions = {}): Promise<ReferenceStack> {
  const host = options.host ?? '127.0.0.1';
  // The provider authenticates to the auth server's introspection endpoint with this credential;
  // it lives only as long as the process, so nothing secret is written to disk by the launcher.
  const resourceServer = { clientId: 'reference-provider', clientSecret: randomBytes(32).toString('base64url') };
  let authHandler: Handler | undefined;
  let providerHandler: Handler | undefined;
  const starting: Handler = (_req, res) => {
    res.writeHead(503, { 'retry-after': '1' }).end();
  };
  // Listen first so that port 0 resolves to a real origin before the apps are built with it.
  const auth = await listen((req, res) => (authHandler ?? starting)(req, res), host, options.authPort ?? 0);
  const provider = await listen((req, res) => (providerHandler ?? starting)(req, res), host, options.providerPort ?? 0);
  const logger = options.logRequests ? undefined : (false as const);
  const authApp = createAuthServer({
    issuer: auth.origin,
    database: options.dataDir ? join(options.dataDir, 'auth-server.sqlite') : ':memory:',
    faults: options.authFaults ?? [],
    resourceServers: [resourceServer],
    ...(logger === false ? { logger } : {}),
  });
  const providerApp = createProvider({
    origin: provider.origin,
    database: options.dataDir ? join(options.dataDir, 'provider.sqlite') : ':memory:',
    faults: options.providerFaults ?? [],
    introspectionCacheSeconds: 0,
    authServer: {
      issuer: auth.origin,
      introspectionUrl: `${auth.origin}/introspect`,
      clientId: resourceServer.clientId,
      clientSecret: resourceServer.clientSecret,
      authorizationUrl: `${auth.origin}/authorize`,
      tokenUrl: `${auth.origin}/token`,
      registrationUrl: `${auth.origin}/register`,
      revocationUrl: `${auth.origin}/revoke`,
    },
    ...(logger === false ? { logger } : {}),
  });
  authHandler = authApp.handler as unknown as Handler;
  providerHandler = providerApp.handler as unknown as Handler;
  const wallet = options.withWallet ? await startWallet(host, options, logger) : undefined;
  return {
    authOrigin: auth.origin,
    providerOrigin: provider.origin,
    manifestUrl: `${provider.origin}/.well-known/badgeconnect.json`,
    ...(wallet ? { walletOrigin: wallet.origin } : {}),
    async close() {
      await Promise.all([auth.close(), provider.close(), wallet?.close()]);
      await Promise.all([authApp.close(), providerApp.close()]);
    },
  };
}

async function startWallet(host: string, options: StackOptions, logger: false | undefined): Promise<{ origin: string; close(): Promise<void> }> {
  const starting: Handler = (_req, res) => {
    res.writeHead(503, { 'retry-after': '1' }).end();
  };
  let handler: Handler | undefined;
  const server = await listen((req, res) => (handler ?? starting)(req, res), host, options.walletPort ?? 0);
  const app = createWallet({
    origin: server.origin,
    database: options.dataDir ? join(options.dataDir, 'wallet.sqlite') : ':memory:',
    faults: options.walletFaults ?? [],
    ...(logger === false ? { logger } : {}),
  });
  handler = app.handler as unknown as Handler;
  return {
    origin: server.origin,
    async close() {
      await server.close();
      app.close();
    },
  };
}

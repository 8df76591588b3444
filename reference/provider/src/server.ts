/**
 * Runs the reference provider. The only file that listens.
 *   tsx reference/provider/src/server.ts [--host H] [--port P] [--origin URL] [--data-dir DIR] [--auth-issuer URL]
 * Environment: HOST, PROVIDER_PORT, PROVIDER_ORIGIN, DATA_DIR, AUTH_ISSUER, RESOURCE_SERVER_ID,
 * RESOURCE_SERVER_SECRET (required: the credential the auth server knows this provider by),
 * INTROSPECTION_CACHE_SECONDS, REFERENCE_FAULTS, PROVIDER_REMOTE_DOCUMENTS (`off`: never fetch foreign documents, so
 * posted foreign assertions are refused as unverifiable; default: fetch them to verify).
 */
import type { RequestListener } from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { faultsFromEnv } from '../../shared/faults.js';
import { listen, runMain, stopOnSignals } from '../../shared/listen.js';
import { createApp } from './app.js';
import { authServerEndpoints } from './auth-server-endpoints.js';
import {
  DEFAULT_AUTH_ISSUER,
  DEFAULT_DATA_DIR,
  DEFAULT_HOST,
  DEFAULT_INTROSPECTION_CACHE_SECONDS,
  DEFAULT_PORT,
  DEFAULT_RESOURCE_SERVER_ID,
} from './defaults.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      origin: { type: 'string' },
      'data-dir': { type: 'string' },
      'auth-issuer': { type: 'string' },
    },
  });
  const env = process.env;
  const host = values.host ?? env.HOST ?? DEFAULT_HOST;
  const port = Number(values.port ?? env.PROVIDER_PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${port}`);
  const secret = env.RESOURCE_SERVER_SECRET;
  if (!secret) throw new Error('RESOURCE_SERVER_SECRET must be set (the introspection credential registered at the auth server)');
  const dataDir = values['data-dir'] ?? env.DATA_DIR ?? DEFAULT_DATA_DIR;
  const issuer = values['auth-issuer'] ?? env.AUTH_ISSUER ?? DEFAULT_AUTH_ISSUER;

  // Listen first so that port 0 resolves to a real port before the public origin is fixed.
  let handler: RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = await listen((req, res) => handler(req, res), host, port);
  const origin = values.origin ?? env.PROVIDER_ORIGIN ?? server.origin;
  const app = createApp({
    origin,
    database: join(dataDir, 'provider.sqlite'),
    faults: faultsFromEnv(env),
    authServer: authServerEndpoints(issuer, { clientId: env.RESOURCE_SERVER_ID ?? DEFAULT_RESOURCE_SERVER_ID, clientSecret: secret }),
    introspectionCacheSeconds: Number(env.INTROSPECTION_CACHE_SECONDS ?? DEFAULT_INTROSPECTION_CACHE_SECONDS),
    ...(env.PROVIDER_REMOTE_DOCUMENTS === 'off' ? { remoteDocuments: false as const } : {}),
  });
  handler = app.handler;
  console.log(`provider listening on ${server.origin} (public origin ${origin}, auth server ${issuer})`);
  stopOnSignals(server, app);
}

runMain(main);

import { parseArgs } from 'node:util';
import { join } from 'node:path';
import pino from 'pino';
import { faultsFromEnv } from '../../shared/faults.js';
import { listen, runMain, stopOnSignals } from '../../shared/listen.js';
import { createApp } from './app.js';

/**
 * The only listener. Flags win over the environment:
 *   --host / HOST (127.0.0.1)        --port / AUTH_PORT (5100)
 *   --issuer / AUTH_ISSUER (http://<host>:<port>)
 *   --data-dir / DATA_DIR (./data)   database file <data-dir>/auth-server.sqlite
 *   RESOURCE_SERVER_ID / RESOURCE_SERVER_SECRET: the introspection credential (required)
 *   REFERENCE_FAULTS: comma-separated fault names (see src/faults.ts)
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      issuer: { type: 'string' },
      'data-dir': { type: 'string' },
    },
  });
  const host = values.host ?? process.env.HOST ?? '127.0.0.1';
  const port = Number(values.port ?? process.env.AUTH_PORT ?? 5100);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('invalid port');
  const dataDir = values['data-dir'] ?? process.env.DATA_DIR ?? './data';
  const rsId = process.env.RESOURCE_SERVER_ID;
  const rsSecret = process.env.RESOURCE_SERVER_SECRET;
  if (!rsId || !rsSecret) throw new Error('RESOURCE_SERVER_ID and RESOURCE_SERVER_SECRET must be set (the provider uses them to introspect tokens)');

  const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
  // A wildcard bind address is not a usable origin; default the issuer to loopback then.
  const publicHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const hostPart = publicHost.includes(':') ? `[${publicHost}]` : publicHost;
  const given = values.issuer ?? process.env.AUTH_ISSUER;
  // The issuer is fixed before listening and names the port clients use, so a random port cannot be it.
  if (!given && port === 0) throw new Error('--port 0 needs --issuer (or AUTH_ISSUER): the issuer must name the port clients reach');
  const issuer = given ?? `http://${hostPart}:${port}`;
  const app = createApp({
    issuer,
    database: join(dataDir, 'auth-server.sqlite'),
    resourceServers: [{ clientId: rsId, clientSecret: rsSecret }],
    faults: faultsFromEnv(),
    logger,
  });
  const server = await listen(app.handler, host, port);
  logger.info({ origin: server.origin, issuer }, 'auth server listening');

  stopOnSignals(server, app);
}

runMain(main);

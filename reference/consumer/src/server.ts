/**
 * Runs the reference wallet. The only file of the web wallet that listens.
 *   tsx reference/consumer/src/server.ts [--host H] [--port P] [--origin URL] [--data-dir DIR|memory]
 * Environment: HOST, WALLET_PORT, WALLET_ORIGIN, DATA_DIR, WALLET_USERNAME, WALLET_PASSWORD, REFERENCE_FAULTS.
 */
import type { RequestListener } from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { faultsFromEnv } from '../../shared/faults.js';
import { listen, runMain, stopOnSignals } from '../../shared/listen.js';
import { createApp } from './app.js';
import { DEFAULT_DATA_DIR, DEFAULT_HOST, DEFAULT_OWNER, DEFAULT_PORT } from './defaults.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { host: { type: 'string' }, port: { type: 'string' }, origin: { type: 'string' }, 'data-dir': { type: 'string' } },
  });
  const env = process.env;
  const host = values.host ?? env.HOST ?? DEFAULT_HOST;
  const port = Number(values.port ?? env.WALLET_PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${port}`);
  const dataDir = values['data-dir'] ?? env.DATA_DIR ?? DEFAULT_DATA_DIR;

  // Listen first so that port 0 resolves to a real port before the public origin is fixed.
  let handler: RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = await listen((req, res) => handler(req, res), host, port);
  const origin = values.origin ?? env.WALLET_ORIGIN ?? server.origin;
  const app = createApp({
    origin,
    database: dataDir === 'memory' ? ':memory:' : join(dataDir, 'wallet.sqlite'),
    faults: faultsFromEnv(env),
    owner: {
      username: env.WALLET_USERNAME ?? DEFAULT_OWNER.username,
      password: env.WALLET_PASSWORD ?? DEFAULT_OWNER.password,
    },
  });
  handler = app.handler;
  console.log(`wallet listening on ${server.origin} (public origin ${origin})`);
  stopOnSignals(server, app);
}

runMain(main);

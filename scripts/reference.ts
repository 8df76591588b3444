/**
 * npm run reference: starts the reference auth server, provider and wallet on loopback, prints their URLs
 * and the demo accounts, and stops cleanly on SIGINT/SIGTERM.
 *   --host 127.0.0.1 (HOST)  --auth-port 5100 (AUTH_PORT)  --provider-port 5200 (PROVIDER_PORT)
 *   --wallet-port 5300 (WALLET_PORT)
 *   --data-dir ./data (DATA_DIR; "memory" for in-memory databases)
 */
import { parseArgs } from 'node:util';
import { DEFAULT_OWNER } from '../reference/consumer/src/defaults.js';
import { DEMO_USERS } from '../reference/shared/demo-users.js';
import { startReferenceStack } from './lib/reference-stack.js';

function fail(message: string): never {
  process.stderr.write(`reference: ${message}\n`);
  process.exit(2);
}

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) fail(`${name} must be a port number, got "${value}"`);
  return Number(value);
}

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      host: { type: 'string' },
      'auth-port': { type: 'string' },
      'provider-port': { type: 'string' },
      'wallet-port': { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean' },
    },
  }));
} catch (err) {
  fail((err as Error).message);
}
if (values.help) {
  process.stdout.write('usage: npm run reference -- [--host H] [--auth-port N] [--provider-port N] [--wallet-port N] [--data-dir DIR|memory]\n');
  process.exit(0);
}
const host = (values.host as string | undefined) ?? process.env.HOST ?? '127.0.0.1';
const authPort = port((values['auth-port'] as string | undefined) ?? process.env.AUTH_PORT, 5100, '--auth-port');
const providerPort = port((values['provider-port'] as string | undefined) ?? process.env.PROVIDER_PORT, 5200, '--provider-port');
const walletPort = port((values['wallet-port'] as string | undefined) ?? process.env.WALLET_PORT, 5300, '--wallet-port');
const dataDirRaw = (values['data-dir'] as string | undefined) ?? process.env.DATA_DIR ?? './data';

try {
  const stack = await startReferenceStack({
    host,
    authPort,
    providerPort,
    withWallet: true,
    walletPort,
    ...(dataDirRaw === 'memory' ? {} : { dataDir: dataDirRaw }),
    logRequests: true,
  });
  const out = [
    'Reference stack running:',
    `  auth server  ${stack.authOrigin}  (metadata: ${stack.authOrigin}/.well-known/oauth-authorization-server)`,
    `  provider     ${stack.providerOrigin}`,
    `  manifest     ${stack.manifestUrl}`,
    `  wallet       ${stack.walletOrigin}  (sign in as ${DEFAULT_OWNER.username} / ${DEFAULT_OWNER.password}, then add ${stack.providerOrigin})`,
    `  data         ${dataDirRaw === 'memory' ? 'in memory' : dataDirRaw}`,
    'Demo accounts (public demo values):',
    ...DEMO_USERS.map((u) => `  ${u.username} / ${u.password}  (${u.email})`),
    `Try: npm run --silent conformance -- run --plan obc-provider-read --target ${stack.manifestUrl} --authorize auto --auth-field username=alice --auth-field password=alice-demo-password`,
    'Ctrl-C stops.',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  const stop = async (signal: string) => {
    process.stdout.write(`\n${signal}: stopping\n`);
    await stack.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
} catch (err) {
  const e = err as NodeJS.ErrnoException;
  fail(e.code === 'EADDRINUSE' ? `port already in use (${e.message.replace(/^listen /, '')})` : (e.message ?? String(err)));
}

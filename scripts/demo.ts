/**
 * npm run demo: starts the reference stack on free loopback ports with in-memory storage, runs every
 * implemented plan against it through the CLI (exactly as a vendor would), writes the reports, and
 * exits with the CLI's code: 0 only if every plan passed.
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_USERS } from '../reference/shared/demo-users.js';
import { startReferenceStack } from './lib/reference-stack.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The CLR plan derives its discovery URL ({origin}/ims/clr/v1p0/discovery) from the same target.
const PLANS = ['obc-provider-read', 'obc-provider-write', 'clr-provider'];

const user = DEMO_USERS[0]!;
const stack = await startReferenceStack();
const outDir = join(ROOT, 'reports', `demo-${new Date().toISOString().replace(/[:.]/g, '-')}`);
process.stdout.write(`demo: reference auth server ${stack.authOrigin}, provider ${stack.providerOrigin}\n`);

const args = [
  '--import',
  'tsx',
  join(ROOT, 'conformance/src/cli.ts'),
  'run',
  ...PLANS.flatMap((p) => ['--plan', p]),
  '--target',
  stack.manifestUrl,
  '--authorize',
  'auto',
  '--auth-field',
  `username=${user.username}`,
  '--auth-field',
  `password=${user.password}`,
  '--out',
  outDir,
];
const code = await new Promise<number>((resolveCode) => {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  child.on('exit', (c, signal) => resolveCode(c ?? (signal ? 2 : 0)));
  child.on('error', () => resolveCode(2));
});
await stack.close();
process.stdout.write(code === 0 ? `demo: all plans passed; reports in ${outDir}\n` : `demo: exit code ${code}; reports in ${outDir}\n`);
process.exit(code);

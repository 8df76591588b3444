/**
 * npm run demo: starts the reference stack on free loopback ports with in-memory storage and runs every
 * plan through the CLI, exactly as a vendor would:
 *   1. the provider plans (Badge Connect read and write, CLR 1.0) against the reference auth server and provider,
 *      with the vendor's own assertions for the Write plan to post (--post-assertion) from a loopback demo issuer;
 *   2. each consumer plan with the reference wallet's headless `sync` as the candidate (the runner plays
 *      provider and auth server and starts the wallet through --trigger).
 * Each run writes its reports to its own folder under reports/demo-<time>/; the demo exits with the
 * worst exit code of the runs, so 0 only if every plan passed.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAssertion } from '../conformance/src/scenarios/api/support/fixture-assertion.js';
import { DEMO_USERS } from '../reference/shared/demo-users.js';
import { startDemoIssuer } from './lib/demo-issuer.js';
import { startReferenceStack } from './lib/reference-stack.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'conformance/src/cli.ts');
const WALLET_CLI = join(ROOT, 'reference/consumer/src/cli.ts');
// The CLR plan derives its discovery URL ({origin}/ims/clr/v1p0/discovery) from the same target.
const PROVIDER_PLANS = ['obc-provider-read', 'obc-provider-write', 'clr-provider'];

const user = DEMO_USERS[0]!;
const outDir = join(ROOT, 'reports', `demo-${new Date().toISOString().replace(/[:.]/g, '-')}`);
mkdirSync(outDir, { recursive: true });

/** Single quotes for a POSIX shell (the trigger runs through /bin/sh). */
const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

// The badge the wallet posts in the write plan: a fresh hosted OB 2.0 assertion with ids under example.org.
const sendFile = join(outDir, 'wallet-send-assertion.json');
writeFileSync(sendFile, `${JSON.stringify(buildAssertion('learner@example.org', 'Sent by the reference wallet during npm run demo.'), null, 2)}\n`);

function walletTrigger(entry: '{manifest}' | '{discovery}', send: boolean): string {
  const args = ['sync', entry, '--data-dir', 'memory', '--timeout', '30', ...(send ? ['--send', shellQuote(sendFile)] : [])];
  return `${shellQuote(process.execPath)} --import tsx ${shellQuote(WALLET_CLI)} ${args.join(' ')}`;
}

interface DemoRun {
  name: string;
  args: string[];
}

const runs: DemoRun[] = [];

function runCli(run: DemoRun): Promise<number> {
  return new Promise<number>((resolveCode) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'run', ...run.args, '--out', join(outDir, run.name)], { cwd: ROOT, stdio: 'inherit' });
    child.on('exit', (c, signal) => resolveCode(c ?? (signal ? 2 : 0)));
    child.on('error', () => resolveCode(2));
  });
}

const stack = await startReferenceStack();
// Plays the vendor's issuer: the Write plan posts only assertions it is given, and the reference provider
// verifies them (fetches the hosted copy at its id, or checks the signature under the published key).
const issuer = await startDemoIssuer();
process.stdout.write(`demo: reference auth server ${stack.authOrigin}, provider ${stack.providerOrigin}, demo issuer ${issuer.origin}\n`);
// For the signed-in demo user (the provider refuses a recipient other than the token's user): one hosted
// (an Assertion Payload file), one signed (a bare compact JWS), so each refused POST in the scope scenario has its own.
const postFiles = [join(outDir, 'vendor-hosted-assertion.json'), join(outDir, 'vendor-signed-assertion.jws')];
writeFileSync(postFiles[0]!, `${JSON.stringify({ assertion: issuer.hosted(user.email, 1) }, null, 2)}\n`);
writeFileSync(postFiles[1]!, `${await issuer.signed(user.email, 2)}\n`);
runs.push({
  name: 'providers',
  args: [
    ...PROVIDER_PLANS.flatMap((p) => ['--plan', p]),
    '--target', stack.manifestUrl,
    '--authorize', 'auto',
    '--auth-field', `username=${user.username}`,
    '--auth-field', `password=${user.password}`,
    ...postFiles.flatMap((f) => ['--post-assertion', f]),
  ],
});
for (const [plan, entry, send] of [
  ['obc-consumer-read', '{manifest}', false],
  ['obc-consumer-write', '{manifest}', true],
  ['clr-consumer', '{discovery}', false],
] as const) {
  runs.push({ name: plan, args: ['--plan', plan, '--listen', '127.0.0.1:0', '--wait', '60', '--trigger', walletTrigger(entry, send)] });
}

function skippedScenarios(summaryFile: string): string[] {
  try {
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as { scenarios?: { id: string; outcome: string }[] };
    return (summary.scenarios ?? []).filter((s) => s.outcome === 'skip').map((s) => s.id);
  } catch {
    return []; // no summary: the run's exit code already says it did not finish
  }
}

const results: { name: string; code: number }[] = [];
try {
  for (const run of runs) {
    process.stdout.write(`\ndemo: run ${results.length + 1}/${runs.length}: ${run.name}\n`);
    results.push({ name: run.name, code: await runCli(run) });
  }
} finally {
  await Promise.all([stack.close(), issuer.close()]);
}

const worst = Math.max(...results.map((r) => r.code));
const verdict = (code: number): string => (code === 0 ? 'pass' : code === 1 ? 'FAIL' : 'ERROR (suite or usage)');
process.stdout.write(`\ndemo summary (reports in ${outDir}):\n`);
for (const r of results) process.stdout.write(`  ${r.name.padEnd(20)} ${verdict(r.code).padEnd(22)} ${join(outDir, r.name, 'report.html')}\n`);
// A plan passes with a scenario skipped (e.g. the Write plan's create path without an assertion): say so.
for (const r of results) {
  const skipped = skippedScenarios(join(outDir, r.name, 'summary.json'));
  if (skipped.length) process.stdout.write(`  ${r.name} skipped: ${skipped.join(', ')}\n`);
}
process.stdout.write(worst === 0 ? 'demo: all plans passed\n' : `demo: exit code ${worst}\n`);
process.exit(worst);

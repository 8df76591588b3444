/**
 * The installable CLI as a user gets it: `npm pack` (which builds dist/ through prepack), the tarball installed
 * into a scratch project, then the installed `lrc-conformance` bin run with no repository and no tsx behind it.
 * One pack and one install per run; the npm cache from `npm ci` serves the dependencies.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifest } from '../schemas/test/fixtures.js';
import { startReferenceStack, type ReferenceStack } from '../scripts/lib/reference-stack.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function exec(file: string, args: string[], cwd: string, timeout = 180_000): Promise<Result> {
  return new Promise((done) => {
    execFile(file, args, { cwd, timeout, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

let work: string;
let project: string;
let bin: string;
let tarball: string;
let stack: ReferenceStack;
const cli = (...args: string[]) => exec(bin, args, project);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'lrc-pack-'));
  project = join(work, 'project');
  const packed = await exec(NPM, ['pack', '--pack-destination', work, '--json'], ROOT);
  expect(packed.code, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info!.filename);
  // Kept for the content test below.
  writeFileSync(join(work, 'files.json'), JSON.stringify(info!.files.map((f) => f.path)));

  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'lrc-pack-scratch', version: '1.0.0', private: true }));
  const installed = await exec(NPM, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-save', tarball], project);
  expect(installed.code, installed.stderr).toBe(0);
  bin = join(project, 'node_modules', '.bin', 'lrc-conformance');
  writeFileSync(join(work, 'manifest.json'), JSON.stringify(manifest()));
  stack = await startReferenceStack();
}, 240_000);

afterAll(async () => {
  await stack?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed lrc-conformance package', () => {
  it('ships the compiled CLI, its entry and the README, and no sources, tests or reference apps', () => {
    const files = JSON.parse(readFileSync(join(work, 'files.json'), 'utf8')) as string[];
    expect(files).toEqual(expect.arrayContaining(['bin/lrc-conformance.js', 'dist/conformance/src/cli.js', 'README.md', 'package.json']));
    expect(files.filter((f) => f.endsWith('.ts') || f.includes('/test/') || f.startsWith('reference/') || f.startsWith('dist/reference/'))).toEqual([]);
    // The install pulls only what the CLI imports: the reference servers' packages stay out.
    const installed = readdirSync(join(project, 'node_modules'));
    expect(installed).toEqual(expect.arrayContaining(['lrc-conformance', 'commander', 'jsonld', 'jose', 'ajv']));
    for (const serverOnly of ['express', 'better-sqlite3', 'pino', 'tsx']) expect(installed).not.toContain(serverOnly);
  });

  it('--help and plans work from the install', async () => {
    const help = await cli('--help');
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^Usage: /);
    for (const command of ['run', 'validate', 'plans', 'report']) expect(help.stdout).toContain(`\n  ${command} `);
    const runHelp = await cli('run', '--help');
    expect(runHelp.code).toBe(0);
    expect(runHelp.stdout).toContain('obc-provider-read');

    const plans = await cli('plans');
    expect(plans.code, plans.stderr).toBe(0);
    expect(plans.stdout).toContain('obc-provider-read: Badge Connect Service Provider (Read)');
    expect(plans.stdout).toContain('  provider-manifest-discovery: ');
  });

  it('--help loads none of the heavy packages the commands need (they load on first use)', async () => {
    // A module hook that names every package the CLI resolves from its own files.
    writeFileSync(join(work, 'hook.mjs'), "export async function resolve(s, c, next) { if (!/^(node:|\\.|\\/|file:)/.test(s) && !c.parentURL?.includes('/node_modules/' + s)) process.stderr.write('PKG ' + s + '\\n'); return next(s, c); }\n");
    writeFileSync(join(work, 'register.mjs'), "import { register } from 'node:module'; register('./hook.mjs', import.meta.url);\n");
    const entry = join(project, 'node_modules', 'lrc-conformance', 'bin', 'lrc-conformance.js');
    const traced = (...args: string[]) => exec(process.execPath, ['--import', join(work, 'register.mjs'), entry, ...args], project);
    const packagesOf = (r: Result) => new Set([...r.stderr.matchAll(/^PKG (\S+)$/gm)].map((m) => m[1]!.split('/')[0]!));
    const help = await traced('--help');
    expect(help.code, help.stderr).toBe(0);
    expect([...packagesOf(help)]).toEqual(['commander']);
    // The hook does see the rest once a command needs it.
    const validate = await traced('validate', join(work, 'manifest.json'), '--out', join(work, 'validate-traced'));
    expect([...packagesOf(validate)]).toEqual(expect.arrayContaining(['commander', 'ajv', 'jsonld', 'jose']));
  });

  it('a usage mistake is exit 2 with one line and no stack trace', async () => {
    const r = await cli('run', '--plan', 'obc-provider-read');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^conformance: no target/);
    expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('validate passes a valid Badge Connect manifest (exit 0) and fails a broken one (exit 1)', async () => {
    const ok = await cli('validate', join(work, 'manifest.json'), '--out', join(work, 'validate-ok'));
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/PASS: \d+ passed, 0 failed/);
    expect(JSON.parse(readFileSync(join(work, 'validate-ok', 'summary.json'), 'utf8'))).toMatchObject({ verdict: 'pass', exitCode: 0 });

    const broken = { ...manifest(), badgeConnectAPI: [{ ...manifest().badgeConnectAPI[0], tokenUrl: undefined }] };
    writeFileSync(join(work, 'broken.json'), JSON.stringify(broken));
    const bad = await cli('validate', join(work, 'broken.json'), '--out', join(work, 'validate-bad'));
    expect(bad.code, bad.stdout + bad.stderr).toBe(1);
    expect(bad.stdout).toMatch(/FAIL: \d+ passed, [1-9]\d* failed/);
  });

  it('run obc-provider-read passes against the reference stack', async () => {
    const out = join(work, 'run');
    const r = await cli(
      'run', '--plan', 'obc-provider-read', '--target', stack.manifestUrl, '--authorize', 'auto',
      '--auth-field', 'username=alice', '--auth-field', 'password=alice-demo-password', '--out', out,
    );
    expect(r.stderr).toBe('');
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/PASS: \d+ passed, 0 failed/);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ verdict: 'pass', exitCode: 0, suiteError: false });
    expect(summary.plans.map((p: { outcome: string }) => p.outcome)).toEqual(['pass']);
  }, 120_000);
});

/**
 * The headless command against the conformance suite's own auto-approving emulators (real sockets), with
 * and without their faults, and once as a real child process to check the printed lines and exit codes.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../../conformance/src/emulators/server.js';
import { startReferenceStack } from '../../../scripts/lib/reference-stack.js';
import { runSync } from '../src/headless.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.close();
});

const sync = (url: string, fault?: string, extra: { send?: string; faults?: string[] } = {}) => {
  emulator.begin(fault ? { fault } : {});
  return runSync({ url, dataDir: 'memory', faults: extra.faults ?? [], timeoutSeconds: 15, verify: true, ...(extra.send ? { send: extra.send } : {}) });
};

describe('headless sync against the emulators', () => {
  it('syncs Badge Connect: profile, every assertion, verified', async () => {
    const r = await sync(emulator.manifestUrl);
    expect(r.code).toBe(0);
    expect(r.lines).toContain('sync: 12 assertions (0 signed) in 3 pages');
    expect(r.lines.some((l) => l.startsWith('sync: profile: '))).toBe(true);
    expect(r.lines.at(-1)).toBe('sync: ok');
  });

  it('syncs CLR 1.0 from the discovery URL', async () => {
    const r = await sync(emulator.discoveryUrl);
    expect(r.code).toBe(0);
    expect(r.lines.find((l) => l.includes('CLRs'))).toMatch(/^sync: 7 CLRs/);
  });

  it('follows paged lists, refreshes an expired token, stops on a revoked grant', async () => {
    expect((await sync(emulator.manifestUrl, 'paged-list')).lines).toContain('sync: 12 assertions (0 signed) in 3 pages');
    const expired = await sync(emulator.manifestUrl, 'expired-access-token');
    expect(expired.code).toBe(0);
    expect(emulator.calls().filter((c) => c.route === 'token')).toHaveLength(2);
    const revoked = await sync(emulator.manifestUrl, 'revoked-grant');
    expect(revoked.code).toBe(1);
    expect(revoked.lines.at(-1)).toMatch(/Access was revoked or has ended/);
  });

  it('rejects a state mismatch and surfaces a POST error envelope', async () => {
    const state = await sync(emulator.manifestUrl, 'state-mismatch');
    expect(state.code).toBe(1);
    expect(emulator.calls().filter((c) => c.route === 'token')).toHaveLength(0);
    const assertion = { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'https://example.org/assertions/1' };
    const post = await sync(emulator.manifestUrl, 'post-error-envelope', { send: JSON.stringify(assertion) });
    expect(post.code).toBe(1);
    expect(post.lines.at(-1)).toMatch(/^sync: failed: the provider refused the badge: HTTP 400/);
  });
});

describe('headless sync against the reference stack', () => {
  it('stops with one line at a provider that needs a person (sign-in form)', async () => {
    const stack = await startReferenceStack();
    try {
      const r = await runSync({ url: stack.manifestUrl, dataDir: 'memory', faults: [], timeoutSeconds: 15, verify: true });
      expect(r.code).toBe(1);
      expect(r.lines.at(-1)).toMatch(/shows a page \(sign-in or consent\) instead of redirecting back/);
    } finally {
      await stack.close();
    }
  });
});

describe('cli.ts as a child process', () => {
  const cli = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'reference/consumer/src/cli.ts', ...args], { cwd: ROOT, timeout: 30_000 }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('exits 0 with a short summary, 1 naming why, 2 for usage errors', async () => {
    emulator.begin({});
    const ok = await cli('sync', emulator.manifestUrl, '--timeout', '20');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('sync: authorized\n');
    expect(ok.stdout.trim().split('\n').at(-1)).toBe('sync: ok');
    emulator.begin({ fault: 'state-mismatch' });
    const refused = await cli('sync', emulator.manifestUrl);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/sync: failed: .*state mismatch/);
    expect((await cli('sync')).code).toBe(2);
    expect((await cli('sync', emulator.manifestUrl, '--fault', 'no-such-fault')).stderr).toContain('unknown fault(s): no-such-fault');
    expect((await cli('sync', emulator.manifestUrl, '--timeout', 'soon')).code).toBe(2);
    expect((await cli('sync', emulator.manifestUrl, '--send', '/nonexistent/file.json')).code).toBe(2);
  });

  it('keeps what it synced in --data-dir', async () => {
    emulator.begin({});
    const dir = mkdtempSync(join(tmpdir(), 'wallet-'));
    const file = join(dir, 'badge.json');
    writeFileSync(file, '{"not": "json"'.slice(0, 5));
    expect((await cli('sync', emulator.manifestUrl, '--send', file)).code).toBe(2);
    const r = await cli('sync', emulator.manifestUrl, '--data-dir', dir);
    expect(r.code).toBe(0);
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(join(dir, 'wallet.sqlite'), { readonly: true });
    expect((db.prepare('SELECT COUNT(*) AS n FROM records').get() as { n: number }).n).toBe(12);
    db.close();
  });
});

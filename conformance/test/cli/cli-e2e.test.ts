/**
 * The vendor path end to end: the CLI as a child process against the reference stack over real sockets,
 * then every artifact of the run scanned for the secrets that run used.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceStack, type ReferenceStack } from '../support/stack.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = join(ROOT, 'conformance/src/cli.ts');
const PASSWORD = 'alice-demo-password';

let stack: ReferenceStack;
beforeAll(async () => {
  stack = await startReferenceStack();
});
afterAll(async () => {
  await stack.close();
});

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
}

describe('conformance run against the reference stack', () => {
  it('passes both plans, writes every report, and leaks no secret', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lrc-e2e-')), 'run');
    const r = await cli([
      'run', '--plan', 'obc-provider-read', '--plan', 'obc-provider-write',
      '--target', stack.manifestUrl, '--authorize', 'auto',
      '--auth-field', 'username=alice', '--auth-field', `password=${PASSWORD}`, '--out', out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('TLS was not tested');
    expect(r.stdout).toMatch(/PASS: \d+ passed, 0 failed/);

    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ verdict: 'pass', exitCode: 0, suiteError: false });
    expect(summary.plans.map((p: { outcome: string }) => p.outcome)).toEqual(['pass', 'pass']);
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toContain('<testsuite name="obc-provider-read"');

    // The run's real token values are known only on the wire, so scan for the password and for any
    // token-bearing field, header or query parameter that is not redacted (bodies sit JSON-escaped).
    for (const file of readdirSync(out)) {
      const text = readFileSync(join(out, file), 'utf8');
      expect(text, file).not.toContain(PASSWORD);
      expect(text, file).not.toMatch(/\\?"(access_token|refresh_token|client_secret|code_verifier|password)\\?"\s*:\s*\\?"(?!\[redacted\])/);
      expect(text, file).not.toMatch(/\b(Bearer|Basic) (?!\[redacted\])[A-Za-z0-9._~+/=-]{8,}/);
      expect(text, file).not.toMatch(/[?&](code|access_token)=(?!%5Bredacted%5D|\[redacted\])[A-Za-z0-9._~-]{6,}/);
    }
  }, 120_000);
});

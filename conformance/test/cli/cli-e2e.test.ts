/**
 * The vendor path end to end: the CLI as a child process against the reference stack over real sockets,
 * then every artifact of the run scanned for the secrets that run used.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { startForeignIssuer, type ForeignIssuer } from '../support/foreign-issuer.js';
import { startReferenceStack, type ReferenceStack } from '../support/stack.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = join(ROOT, 'conformance/src/cli.ts');
const PASSWORD = 'alice-demo-password';

let stack: ReferenceStack;
let issuer: ForeignIssuer;
beforeAll(async () => {
  stack = await startReferenceStack();
  issuer = await startForeignIssuer();
});
afterAll(async () => {
  await stack.close();
  await issuer.close();
});

const cli = (args: string[]) => runCli(args);

describe('conformance run against the reference stack', () => {
  it('passes both plans, writes every report, and leaks no secret', async () => {
    const work = mkdtempSync(join(tmpdir(), 'lrc-e2e-'));
    const out = join(work, 'run');
    // The vendor's own assertions for the write plan: an Assertion Payload file and a bare compact JWS file.
    writeFileSync(join(work, 'hosted.json'), JSON.stringify({ assertion: issuer.hosted('alice@example.com', 1) }));
    writeFileSync(join(work, 'signed.jws'), `${await issuer.signed('alice@example.com', 2)}\n`);
    const r = await cli([
      'run', '--plan', 'obc-provider-read', '--plan', 'obc-provider-write',
      '--target', stack.manifestUrl, '--authorize', 'auto',
      '--auth-field', 'username=alice', '--auth-field', `password=${PASSWORD}`, '--out', out,
      '--post-assertion', join(work, 'hosted.json'), '--post-assertion', join(work, 'signed.jws'),
    ]);
    expect(r.stderr).toBe('');
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('TLS was not tested');
    expect(r.stdout).toMatch(/PASS: \d+ passed, 0 failed/);

    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ verdict: 'pass', exitCode: 0, suiteError: false });
    expect(summary.plans.map((p: { outcome: string }) => p.outcome)).toEqual(['pass', 'pass']);
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toContain('<testsuite name="obc-provider-read"');
    // The supplied assertion was created (no skip for want of a document).
    const events = readFileSync(join(out, 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; scenarioId?: string; outcome?: string });
    expect(events.find((e) => e.type === 'scenario-end' && e.scenarioId === 'provider-post-assertion')?.outcome).toBe('pass');

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

describe('--post-assertion', () => {
  it('an unreadable or unusable file is a usage error (exit 2) with a one-line message', async () => {
    const work = mkdtempSync(join(tmpdir(), 'lrc-e2e-bad-'));
    writeFileSync(join(work, 'nothing.json'), JSON.stringify({ assertion: { type: 'Assertion' } }));
    for (const [file, message] of [
      [join(work, 'missing.json'), /--post-assertion .*missing\.json: cannot read the file \(ENOENT\)/],
      [join(work, 'nothing.json'), /--post-assertion .*nothing\.json holds an assertion without a string "id"/],
    ] as const) {
      const r = await cli(['run', '--plan', 'obc-provider-write', '--target', stack.manifestUrl, '--post-assertion', file, '--out', join(work, 'run')]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    }
  }, 60_000);
});

/**
 * A real run against the reference stack produces every report and a signed bundle; verify-report
 * names a tampered file; `conformance report` re-renders the same HTML; and no secret the run used
 * appears in any artifact.
 */
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRunConfig } from '../../src/cli/resolve-config.js';
import { runCommand, type RunOutcome } from '../../src/cli/run-command.js';
import { PLANS } from '../../src/plans/index.js';
import { loadSigningKey } from '../../src/report/keys.js';
import { DEMO_AUTH_FIELDS } from '../support/config.js';
import { startForeignIssuer, type ForeignIssuer } from '../support/foreign-issuer.js';
import { startReferenceStack, type ReferenceStack } from '../support/stack.js';
import { allFiles, cli, encodings, readText, tapSecrets, type SecretKind } from './support.js';

let stack: ReferenceStack;
let issuer: ForeignIssuer;
let outcome: RunOutcome;
let secrets: Map<string, SecretKind>;
const said: string[] = [];
const keys = mkdtempSync(join(tmpdir(), 'lrc-run-keys-'));
const dir = join(mkdtempSync(join(tmpdir(), 'lrc-run-')), 'run');
/** The plans this run exercises (the catalog also holds plans, e.g. clr-provider, that other tests run). */
const RUN_PLANS = ['obc-provider-read', 'obc-provider-write'];

beforeAll(async () => {
  stack = await startReferenceStack();
  // The write plan's creation needs assertions a verifying provider accepts, as a vendor supplies them.
  issuer = await startForeignIssuer();
  const pair = generateKeyPairSync('ed25519');
  writeFileSync(join(keys, 'sign.pem'), pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(join(keys, 'sign.pub.pem'), pair.publicKey.export({ type: 'spki', format: 'pem' }));
  const config = resolveRunConfig(
    {
      plan: RUN_PLANS,
      target: stack.manifestUrl,
      out: dir,
      reporter: ['json', 'junit', 'html', 'markdown'],
      authField: Object.entries(DEMO_AUTH_FIELDS).map(([k, v]) => `${k}=${v}`),
    },
    [...PLANS.keys()],
  );
  config.postAssertions = [await issuer.supplied('alice@example.com', 1), await issuer.supplied('alice@example.com', 2, 'signed')];
  const tap = tapSecrets();
  try {
    outcome = await runCommand(config, (l) => said.push(l), { signingKey: await loadSigningKey(join(keys, 'sign.pem')) });
  } finally {
    tap.restore();
  }
  secrets = tap.values;
}, 120_000);

/** Every artifact under a run directory checked for every secret value the run used. */
function scan(runDir: string): string[] {
  const leaks: string[] = [];
  for (const file of allFiles(runDir)) {
    const text = readText(runDir, file);
    for (const [value, kind] of secrets) {
      if (encodings(value).some((form) => text.includes(form))) leaks.push(`${file}: ${kind} ${value.slice(0, 4)}…`);
    }
  }
  return leaks;
}

afterAll(async () => {
  await stack?.close();
  await issuer?.close();
});

describe('a run against the reference stack', () => {
  it('passes and writes every report and a signed bundle', () => {
    expect(outcome.exitCode, said.join('\n')).toBe(0);
    expect(allFiles(dir).sort()).toEqual(
      ['bundle-public-key.jwk', 'bundle.json', 'bundle.jws', 'events.jsonl', 'junit.xml', 'report.html', 'report.md', 'summary.json'],
    );
    expect(readText(dir, 'report.md').split('\n')[0]).toMatch(/^## ✅ PASS — /);
    const html = readText(dir, 'report.html');
    expect(html).toContain('<span class="verdict o-pass">PASS</span>');
    for (const id of RUN_PLANS) expect(html).toContain(`<span class="sid">${id}</span>`);
    expect(said.some((l) => /^bundle signed with EdDSA key /.test(l))).toBe(true);
  });

  it('verify-report accepts the signed run and names summary.json after one byte of it changes', async () => {
    const ok = await cli(['verify-report', dir, '--public-key', join(keys, 'sign.pub.pem')]);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain('OK: 5 files match the signed manifest');

    const copy = join(mkdtempSync(join(tmpdir(), 'lrc-tamper-')), 'run');
    cpSync(dir, copy, { recursive: true });
    const file = join(copy, 'summary.json');
    const bytes = readFileSync(file);
    const at = bytes.indexOf('"pass"');
    bytes[at + 1] = 'f'.charCodeAt(0); // "pass" -> "fass": one byte
    writeFileSync(file, bytes);
    const bad = await cli(['verify-report', copy, '--public-key', join(keys, 'sign.pub.pem')]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('tampered: summary.json');
    expect(bad.stdout).not.toMatch(/tampered: (?!summary\.json)/);
  }, 60_000);

  it('re-renders the same report.html and report.md from events.jsonl without re-running', async () => {
    const out = mkdtempSync(join(tmpdir(), 'lrc-rerender-'));
    const r = await cli(['report', dir, '--reporter', 'html', '--reporter', 'md', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readText(out, 'report.html')).toBe(readText(dir, 'report.html'));
    expect(readText(out, 'report.md')).toBe(readText(dir, 'report.md'));
  }, 60_000);

  it('leaves no secret the run used in any artifact', () => {
    const kinds = new Set(secrets.values());
    // The tap saw each kind of secret, so the scan below cannot pass vacuously.
    for (const kind of ['password', 'client_secret', 'access_token', 'refresh_token', 'code'] as const) {
      expect(kinds.has(kind), `no ${kind} seen on the wire`).toBe(true);
    }
    expect([...secrets.keys()]).toContain(DEMO_AUTH_FIELDS.password);
    expect(scan(dir)).toEqual([]);

    // The scan finds a token planted in a copy of the run, in its JSON-escaped and URL-encoded forms.
    const token = [...secrets].find(([, kind]) => kind === 'access_token')![0];
    const copy = join(mkdtempSync(join(tmpdir(), 'lrc-leak-')), 'run');
    cpSync(dir, copy, { recursive: true });
    writeFileSync(join(copy, 'report.md'), `${readText(copy, 'report.md')}\n${encodeURIComponent(token)}\n`);
    expect(scan(copy)).toEqual([`report.md: access_token ${token.slice(0, 4)}…`]);
  });
});

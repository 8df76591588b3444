/**
 * A signed OB 2.0 assertion (a real RS256 JWS) whose signature was not checked has not passed: offline,
 * `validate` ends inconclusive (exit 3) and names the flag that would let it finish, in every report; with
 * the issuer's documents served by --resolve the forged one fails (exit 1) and the genuine one passes (0).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../../src/cli/report-command.js';
import { validateCommand } from '../../src/cli/validate-command.js';
import type { CheckEvent, RunEndEvent, RunEvent } from '../../src/engine/events.js';
import { parseEventLog } from '../../src/reporters/jsonl.js';
import { writeSignedAssertionFixtures, type AssertionFixtures } from '../clr/signed-fixtures.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = join(ROOT, 'conformance/src/cli.ts');
// The console reporter is read through the child process and `conformance report` below.
const ALL = ['json', 'junit', 'html', 'markdown'];

let fx: AssertionFixtures;
let forged: string;

/** The JWS with one character of its signature changed (in the middle, so it is not a padding bit). */
function forgeSignature(jws: string): string {
  const [h, p, s] = jws.split('.') as [string, string, string];
  const i = Math.floor(s.length / 2);
  const swapped = s[i] === 'A' ? 'B' : 'A';
  return `${h}.${p}.${s.slice(0, i)}${swapped}${s.slice(i + 1)}`;
}

beforeAll(async () => {
  fx = await writeSignedAssertionFixtures();
  forged = join(mkdtempSync(join(tmpdir(), 'lrc-forged-')), 'forged.jws');
  writeFileSync(forged, forgeSignature(readFileSync(fx.files.signed, 'utf8')));
});

async function validate(file: string, flags: { resolve?: string[] } = {}) {
  const out = mkdtempSync(join(tmpdir(), 'lrc-inconclusive-'));
  const lines: string[] = [];
  const code = await validateCommand([file], { out, reporter: ALL, ...flags }, (l) => lines.push(l));
  const events = parseEventLog(readFileSync(join(out, 'events.jsonl'), 'utf8'));
  const end = events.find((e): e is RunEndEvent => e.type === 'run-end')!;
  return { code, out, events, end, checks: events.filter((e): e is CheckEvent => e.type === 'check') };
}

describe('validate: a signed assertion whose key cannot be fetched', () => {
  it('is inconclusive offline (exit 3): the signature check is blocked and names --allow-network and --resolve', async () => {
    const r = await validate(forged);
    expect(r.code).toBe(3);
    expect(r.end).toMatchObject({ verdict: 'inconclusive', exitCode: 3, suiteError: false });
    const key = r.checks.find((c) => c.title.endsWith('signed.key-unavailable'))!;
    expect(key).toMatchObject({ outcome: 'skip', severity: 'must', blocked: { needs: `the signing key ${fx.base}keys/1` } });
    expect(key.blocked!.remedy).toMatch(/--allow-network/);
    expect(key.blocked!.remedy).toMatch(/--resolve <prefix>=<dir>/);
    expect(r.end.blocked!.must).toBeGreaterThanOrEqual(1);

    const summary = JSON.parse(readFileSync(join(r.out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ verdict: 'inconclusive', exitCode: 3, blocked: { remedies: [expect.stringMatching(/--allow-network/)] } });
    expect(summary.checks.find((c: { title: string }) => c.title.endsWith('signed.key-unavailable')).blocked.needs).toContain('keys/1');

    const md = readFileSync(join(r.out, 'report.md'), 'utf8');
    expect(md).toContain('## ❔ INCONCLUSIVE');
    expect(md).toMatch(/To finish: --allow-network/);
    expect(md).toContain('### Not run for want of data');

    const html = readFileSync(join(r.out, 'report.html'), 'utf8');
    expect(html).toContain('<span class="verdict o-inconclusive">INCONCLUSIVE</span>');
    expect(html).toMatch(/Not run for want of data:<\/strong> needs the signing key/);

    const junit = readFileSync(join(r.out, 'junit.xml'), 'utf8');
    expect(junit).toContain('<property name="verdict" value="inconclusive"/>');
    expect(junit).toMatch(/<skipped message="inconclusive: [^"]*--allow-network[^"]*">/);
    expect(junit).toContain('skipped="1"');
  });

  it('re-renders as inconclusive from events.jsonl, with exit 3', async () => {
    const r = await validate(forged);
    const again = mkdtempSync(join(tmpdir(), 'lrc-rerender-'));
    const lines: string[] = [];
    const origWrite = process.stdout.write.bind(process.stdout);
    // The console reporter writes to stdout; capture its final lines.
    process.stdout.write = ((chunk: string) => (lines.push(String(chunk)), true)) as typeof process.stdout.write;
    let code: number;
    try {
      code = await reportCommand(r.out, ['console', 'json', 'junit', 'markdown', 'html'], again, () => undefined);
    } finally {
      process.stdout.write = origWrite;
    }
    expect(code).toBe(3);
    expect(lines.join('')).toMatch(/INCONCLUSIVE: .*\nnot conclusive: \d+ MUST checks? could not run for want of data \(the signing key [^)]*\); to finish: --allow-network/);
    expect(JSON.parse(readFileSync(join(again, 'summary.json'), 'utf8')).verdict).toBe('inconclusive');
    expect(readFileSync(join(again, 'junit.xml'), 'utf8')).toContain('value="inconclusive"');
  });

  it('fails (exit 1) once --resolve serves the key: the changed signature does not verify', async () => {
    const r = await validate(forged, { resolve: [fx.resolve] });
    expect(r.code).toBe(1);
    expect(r.end).toMatchObject({ verdict: 'fail', exitCode: 1 });
    expect(r.checks.find((c) => c.title.endsWith('signed.bad-signature'))).toMatchObject({ outcome: 'fail' });
    expect(r.end.blocked).toBeUndefined();
  });

  it('passes (exit 0) untouched with --resolve', async () => {
    const r = await validate(fx.files.signed, { resolve: [fx.resolve] });
    expect(r.checks.filter((c) => c.outcome !== 'pass' && c.outcome !== 'info').map((c) => `${c.title}: ${c.message}`)).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.end.verdict).toBe('pass');
  });

  it('as a child process: exit 3 and a last line naming the flags', async () => {
    const out = mkdtempSync(join(tmpdir(), 'lrc-inconclusive-cli-'));
    const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'validate', forged, '--out', out], { cwd: ROOT });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c) => (stdout += c));
      child.stderr.on('data', (c) => (stderr += c));
      child.on('exit', (code) => done({ code, stdout, stderr }));
    });
    expect(r.stderr).toBe('');
    expect(r.code, r.stdout).toBe(3);
    expect(r.stdout).toMatch(/\nINCONCLUSIVE: /);
    expect(r.stdout).toMatch(/not conclusive: .*to finish: --allow-network, or --resolve <prefix>=<dir>/);
    // The last line, after the report paths, names the flags again.
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^inconclusive \(exit 3\): .*--allow-network, or --resolve <prefix>=<dir>/);
  }, 60_000);
});

export type { RunEvent };

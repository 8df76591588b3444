/** The validate progress line: on stderr when asked for (or on a TTY), counting ClrSet members, never under --quiet/--json. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { createProgress } from '../../src/cli/progress.js';
import { createOutput } from '../../src/cli/output.js';
import { validateCommand } from '../../src/cli/validate-command.js';
import { buildClr } from '../../src/scenarios/clr/support/fixture-clr.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = join(ROOT, 'conformance/src/cli.ts');
const LINE = /^validate: (\d+)\/(\d+) records, \d+\.\d s$/;

const cli = (...args: string[]) => runCli(args);

const dir = mkdtempSync(join(tmpdir(), 'lrc-validate-progress-'));
const setFile = join(dir, 'set.json');
const clrFile = join(dir, 'clr.json');
beforeAll(() => {
  // 30 CLRs from the suite's fixture, the set carrying the context its members share.
  const clrs = Array.from({ length: 30 }, (_, i) => {
    const { '@context': _context, ...clr } = buildClr(`learner${i}@example.org`);
    return clr;
  });
  writeFileSync(setFile, JSON.stringify({ '@context': 'https://purl.imsglobal.org/spec/clr/v1p0/context/clr_v1p0.jsonld', type: 'ClrSet', clrs }));
  writeFileSync(clrFile, JSON.stringify(buildClr('one@example.org')));
});

const progressLines = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('validate:'));

describe.concurrent('validate --progress (child process, stderr not a TTY)', () => {
  it('writes plain progress lines that count ClrSet members and end with the total', async () => {
    const r = await cli('validate', setFile, clrFile, '--progress', '--out', join(dir, 'run-a'), '--reporter', 'json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('\r');
    const lines = progressLines(r.stderr);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(LINE);
    const counts = lines.map((l) => Number(LINE.exec(l)![1]));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(lines.at(-1)).toMatch(/^validate: 31\/31 records, /);
    expect(r.stdout).not.toContain('validate: ');
  }, 60_000);

  it('writes none without --progress, nor with --quiet or --json', async () => {
    const plain = await cli('validate', setFile, '--out', join(dir, 'run-b'), '--reporter', 'json');
    const quiet = await cli('validate', setFile, '--progress', '--quiet', '--out', join(dir, 'run-c'), '--reporter', 'json');
    const json = await cli('validate', setFile, '--progress', '--json', '--out', join(dir, 'run-d'), '--reporter', 'json');
    for (const r of [plain, quiet, json]) {
      expect(r.code, r.stderr).toBe(0);
      expect(progressLines(r.stderr)).toEqual([]);
    }
    expect(JSON.parse(json.stdout)).toMatchObject({ exitCode: 0 });
  }, 60_000);
});

describe('validate progress (in process)', () => {
  it('counts a ClrSet whose members are never visited one by one (--schema-only) up to its total', async () => {
    const written: string[] = [];
    const output = createOutput({}, () => undefined, () => undefined);
    const code = await validateCommand([setFile], { progress: true, schemaOnly: true, out: join(dir, 'run-e'), reporter: ['json'] }, () => undefined, new Date(), {
      output,
      stderr: { write: (t: string) => written.push(t) },
    });
    expect(code).toBe(0);
    expect(written.at(-1)).toMatch(/^validate: 30\/30 records, \d+\.\d s\n$/);
  });

  it('throttles plain lines to the interval and redraws in place on a TTY', () => {
    let now = 0;
    const plain: string[] = [];
    const p = createProgress({ label: 'validate', total: 5000, stream: { write: (t: string) => plain.push(t) }, clock: () => now });
    for (let i = 0; i < 5000; i++) {
      now += 1; // 1 ms a record: 5 s in all
      p.tick();
    }
    p.done();
    expect(plain).toEqual(['validate: 1000/5000 records, 1.0 s\n', 'validate: 2000/5000 records, 2.0 s\n', 'validate: 3000/5000 records, 3.0 s\n', 'validate: 4000/5000 records, 4.0 s\n', 'validate: 5000/5000 records, 5.0 s\n']);

    now = 0;
    const tty: string[] = [];
    const t = createProgress({ label: 'validate', total: 3, stream: { isTTY: true, write: (s: string) => tty.push(s) }, clock: () => now });
    now = 150;
    t.tick();
    t.clear();
    t.clear(); // nothing drawn any more: no second wipe
    now = 160;
    t.tick(); // redrawn at once after a wipe
    t.tick();
    t.done();
    t.tick(); // after done: silent
    const first = 'validate: 1/3 records, 0.1 s';
    expect(tty).toEqual([`\r${first}`, `\r${' '.repeat(first.length)}\r`, '\rvalidate: 2/3 records, 0.2 s', '\rvalidate: 3/3 records, 0.2 s\n']);
    expect(tty.join('')).not.toContain('\x1b');
  });
});

/** Bad inputs to `validate` as a user meets them: exit 2, one line naming what is wrong, no stack trace. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = join(ROOT, 'conformance/src/cli.ts');

const cli = (...args: string[]) => runCli(args);

const dir = mkdtempSync(join(tmpdir(), 'lrc-validate-input-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const empty = file('empty.json', '');
const blank = file('blank.json', ' \n\t\n');
const folder = join(dir, 'adir');
mkdirSync(folder);
const missing = join(dir, 'missing.json');
// Bytes that are not UTF-8 (no NUL among them), and text with a NUL in it.
const garbage = file('garbage.bin', Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe, 0x2e, 0x2e, 0x80]));
const nul = file('nul.txt', 'eyJhIjoxfQ\u0000.e30.x');

describe.concurrent('validate: bad inputs (child process)', () => {
  it.each([
    ['an empty file', empty, `${empty} is empty`],
    ['a file of only whitespace', blank, `${blank} is empty`],
    ['a directory', folder, `cannot read ${folder}: it is a directory, not a file`],
    ['a missing path', missing, `cannot read ${missing}: no such file`],
    ['bytes that are not UTF-8', garbage, `${garbage} is not text (binary data)`],
    ['text with a NUL byte', nul, `${nul} is not text (binary data)`],
  ])('%s: exit 2, one line that says so', async (_name, path, message) => {
    const r = await cli('validate', path, '--out', join(dir, 'run'));
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(message);
    expect(r.stderr).not.toMatch(/dot-separated|EISDIR:|\bat .+:\d+:\d+/);
  }, 60_000);
});

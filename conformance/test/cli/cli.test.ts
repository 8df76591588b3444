/** The CLI as a user meets it: a child process, its exit code, its one-line errors and its files. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = join(ROOT, 'conformance/src/cli.ts');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('conformance CLI: bad input', () => {
  it('names an unknown plan in one line and exits 2', () => {
    const r = cli('run', '--plan', 'no-such-plan', '--target', 'https://badges.example.com');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('unknown plan "no-such-plan"');
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack trace
  });

  it('names a malformed config file and exits 2', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lrc-cli-')), 'bad.json');
    writeFileSync(file, '{ not json');
    const r = cli('run', '--config', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`config file ${file} is not valid JSON`);
  });

  it('reports an unreachable target, exits 2 and still writes the run directory', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lrc-cli-')), 'run');
    const r = cli('run', '--plan', 'obc-provider-read', '--target', 'http://127.0.0.1:9', '--out', out, '--timeout', '2000');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('target unreachable');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ exitCode: 2, suiteError: true, verdict: 'error' });
    expect(summary.notices[0]).toMatchObject({ code: 'target-unreachable' });
    expect(existsSync(join(out, 'events.jsonl'))).toBe(true);
    // A suite error is called one everywhere, never a failure of the implementation, never an empty JUnit file.
    const end = readFileSync(join(out, 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)).find((e) => e.type === 'run-end');
    expect(end).toMatchObject({ verdict: 'error', exitCode: 2 });
    expect(r.stdout).toMatch(/\nSUITE ERROR: 0 passed/);
    const junit = readFileSync(join(out, 'junit.xml'), 'utf8');
    expect(junit).toMatch(/<testsuites [^>]*tests="1" failures="0" errors="1"/);
    expect(junit).toMatch(/<testcase classname="run"[^>]*>\s*<error message="suite error: target unreachable: http:\/\/127\.0\.0\.1:9/);
    expect(junit).toContain('<property name="verdict" value="error"/>');
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('## ⚠️ SUITE ERROR');
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<span class="verdict o-error">SUITE ERROR</span>');
  });

  it('refuses plain http to a non-loopback host', () => {
    const r = cli('run', '--plan', 'obc-provider-read', '--target', 'http://badges.example.com');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('only loopback hosts may be tested without TLS');
  });

  it('exits 2 on an unknown option', () => {
    expect(cli('run', '--no-such-flag').code).toBe(2);
  });

  it('lists the plans', () => {
    const r = cli('plans');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('obc-provider-read');
    expect(r.stdout).toContain('obc-provider-write');
    expect(r.stdout).not.toContain('(missing)');
  });
});

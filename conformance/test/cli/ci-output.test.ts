/**
 * The CLI in a CI job: $GITHUB_STEP_SUMMARY gets the Markdown report appended, GITHUB_ACTIONS=true adds
 * the github annotations, --quiet and --json shape stdout, NO_COLOR leaves no escape codes, and the run
 * directory is named on one `reports:` line. Each case runs the CLI as a child with a controlled environment.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { writeSignedAssertionFixtures } from '../clr/signed-fixtures.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = join(ROOT, 'conformance/src/cli.ts');
const tmp = () => mkdtempSync(join(tmpdir(), 'lrc-ci-output-'));

/** The parent's environment without the CI variables under test, plus the given ones. */
function envWith(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ['GITHUB_ACTIONS', 'GITHUB_STEP_SUMMARY', 'NO_COLOR', 'FORCE_COLOR']) delete env[k];
  return { ...env, ...extra };
}

const cli = (args: string[], extra: Record<string, string> = {}) => runCli(args, { env: envWith(extra) });

const api = (omit: string[] = []) => {
  const entry: Record<string, unknown> = {
    name: 'Example host',
    image: 'https://host.example.org/logo.png',
    apiBase: 'https://host.example.org/api/ims/ob/v2p1',
    version: 'v2p1',
    termsOfServiceUrl: 'https://host.example.org/terms',
    privacyPolicyUrl: 'https://host.example.org/privacy',
    scopesOffered: ['https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.readonly'],
    registrationUrl: 'https://host.example.org/register',
    authorizationUrl: 'https://host.example.org/auth',
    tokenUrl: 'https://host.example.org/token',
  };
  for (const k of omit) delete entry[k];
  return { '@context': 'https://purl.imsglobal.org/spec/ob/v2p1/ob_v2p1.jsonld', id: 'https://host.example.org/.well-known/badgeconnect.json', badgeConnectAPI: [entry] };
};

let good: string;
let bad: string;
let unverifiable: string;
beforeAll(async () => {
  const dir = tmp();
  good = join(dir, 'good.json');
  bad = join(dir, 'bad.json');
  writeFileSync(good, JSON.stringify(api()));
  writeFileSync(bad, JSON.stringify(api(['registrationUrl'])));
  unverifiable = (await writeSignedAssertionFixtures()).files.signed;
});

describe('GITHUB_STEP_SUMMARY', () => {
  it('validate appends report.md to the file, keeping what was there, once per run', async () => {
    const dir = tmp();
    const summary = join(dir, 'step-summary.md');
    writeFileSync(summary, '# earlier step\n');
    const out = join(dir, 'run');
    const r = await cli(['validate', bad, '--out', out], { GITHUB_STEP_SUMMARY: summary });
    expect(r.code, r.stderr).toBe(1);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toContain('## ❌ FAIL');
    expect(readFileSync(summary, 'utf8')).toBe(`# earlier step\n${md}\n`);
    const again = await cli(['validate', bad, '--out', join(dir, 'run2')], { GITHUB_STEP_SUMMARY: summary });
    expect(again.code).toBe(1);
    expect(readFileSync(summary, 'utf8').split('## ❌ FAIL')).toHaveLength(3);
  });

  it('run appends its report too, even one that ended in a suite error', async () => {
    const dir = tmp();
    const summary = join(dir, 'step-summary.md');
    const out = join(dir, 'run');
    const r = await cli(['run', '--plan', 'obc-provider-read', '--target', 'http://127.0.0.1:9', '--out', out, '--timeout', '2000'], { GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(2);
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('## ⚠️ SUITE ERROR');
    expect(text).toBe(`${readFileSync(join(out, 'report.md'), 'utf8')}\n`);
  });

  it('a path that cannot be written is a one-line warning on stderr; the exit code is unchanged', async () => {
    const dir = tmp();
    const notAFile = join(dir, 'a-directory');
    mkdirSync(notAFile);
    for (const [doc, code] of [[good, 0], [bad, 1]] as const) {
      const r = await cli(['validate', doc, '--out', join(dir, `run-${code}`)], { GITHUB_STEP_SUMMARY: notAFile });
      expect(r.code).toBe(code);
      expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^conformance: warning: cannot append to GITHUB_STEP_SUMMARY .*a-directory \(EISDIR\)/)]);
      expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/);
    }
  });
});

describe('github reporter in the CLI', () => {
  it('is added when GITHUB_ACTIONS=true, beside the other reporters, and absent otherwise', async () => {
    const dir = tmp();
    const on = await cli(['validate', bad, '--out', join(dir, 'on')], { GITHUB_ACTIONS: 'true' });
    expect(on.code).toBe(1);
    const errors = on.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(errors[0]).toMatch(/^::error title=OBC21-MANIFEST-PROPERTIES::manifest matches its schema: .*registrationUrl/);
    expect(on.stdout).toContain('FAIL: '); // the console reporter still ran
    const off = await cli(['validate', bad, '--out', join(dir, 'off')]);
    expect(off.stdout).not.toMatch(/^::/m);
    const asked = await cli(['validate', bad, '--out', join(dir, 'asked'), '--reporter', 'github']);
    expect(asked.stdout.split('\n').filter((l) => l.startsWith('::error '))).toEqual(errors);
  });

  it('writes a notice naming the remedy for an inconclusive run', async () => {
    const r = await cli(['validate', unverifiable, '--out', join(tmp(), 'run'), '--reporter', 'github']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^::notice title=inconclusive::not conclusive: .*to finish: --allow-network/m);
  });
});

describe('--json and --quiet', () => {
  it('--json prints the summary object alone on stdout, equal to summary.json; progress and annotations go to stderr', async () => {
    const out = join(tmp(), 'run');
    const r = await cli(['validate', bad, '--out', out, '--json'], { GITHUB_ACTIONS: 'true' });
    expect(r.code).toBe(1);
    const printed = JSON.parse(r.stdout);
    expect(printed).toEqual(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')));
    expect(printed).toMatchObject({ verdict: 'fail', exitCode: 1 });
    expect(r.stderr).toMatch(/^FAIL: /m);
    expect(r.stderr).toMatch(/^::error title=/m);
    expect(r.stderr).toMatch(/^reports: /m);
  });

  it('--json still prints the summary when the json reporter was not asked for, and on a suite error', async () => {
    const out = join(tmp(), 'run');
    const r = await cli(['run', '--plan', 'obc-provider-read', '--target', 'http://127.0.0.1:9', '--out', out, '--timeout', '2000', '--reporter', 'markdown', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'error', exitCode: 2, notices: [{ code: 'target-unreachable' }] });
    expect(r.stderr).toContain('conformance: target unreachable: http://127.0.0.1:9');
  });

  it('--quiet prints only the verdict line, and the closing line when there is one', async () => {
    const dir = tmp();
    const pass = await cli(['validate', good, '--out', join(dir, 'pass'), '--quiet']);
    expect(pass.code).toBe(0);
    expect(pass.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^PASS: \d+ passed, 0 failed/)]);
    expect(pass.stderr).toBe('');
    const fail = await cli(['validate', bad, '--out', join(dir, 'fail'), '--quiet']);
    expect(fail.code).toBe(1);
    expect(fail.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^FAIL: \d+ passed, [1-9]\d* failed/)]);
    const inconclusive = await cli(['validate', unverifiable, '--out', join(dir, 'inc'), '--quiet']);
    expect(inconclusive.code).toBe(3);
    expect(inconclusive.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^INCONCLUSIVE: /),
      expect.stringMatching(/^inconclusive \(exit 3\): to finish the checks that lacked data: --allow-network/),
    ]);
  });
});

describe('--quiet in a CI job', () => {
  it('keeps the annotations and the error of a run that could not start', async () => {
    const dir = tmp();
    const r = await cli(['validate', bad, '--out', join(dir, 'fail'), '--quiet'], { GITHUB_ACTIONS: 'true' });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines.filter((l) => !l.startsWith('::'))).toEqual([expect.stringMatching(/^FAIL: /)]);
    expect(lines.some((l) => l.startsWith('::error title=OBC21-MANIFEST-PROPERTIES::'))).toBe(true);
    const down = await cli(['run', '--plan', 'obc-provider-read', '--target', 'http://127.0.0.1:9', '--out', join(dir, 'down'), '--timeout', '2000', '--quiet']);
    expect(down.code).toBe(2);
    expect(down.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^SUITE ERROR: 0 passed/),
      expect.stringMatching(/^conformance: target unreachable: http:\/\/127\.0\.0\.1:9/),
    ]);
  });
});

describe('plain output', () => {
  it('names the run directory on one reports: line, without listing absolute file paths', async () => {
    const out = join(tmp(), 'run');
    const r = await cli(['validate', good, '--out', out]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('reports:'));
    expect(lines).toEqual([`reports: ${out} (events.jsonl, summary.json, junit.xml, report.html, report.md)`]);
  });

  it('writes no ANSI escape codes with NO_COLOR, nor to a pipe', async () => {
    const dir = tmp();
    for (const extra of [{ NO_COLOR: '1' }, {}] as Record<string, string>[]) {
      const r = await cli(['validate', bad, '--out', join(dir, `run-${Object.keys(extra).length}`), '--reporter', 'console', '--reporter', 'github'], extra);
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).not.toMatch(/\u001b\[/);
      expect(r.stdout).toMatch(/^FAIL: /m);
    }
  });
});

/**
 * A misspelt --auth-field or none at all is the user's mistake (exit 2, one line naming it), not a
 * provider failure: the sign-in form we submitted asked for credentials we left empty. Wrong values in the
 * right fields stay the provider's result (exit 1): the suite cannot tell them from a provider that refuses
 * good ones.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authFieldMistake } from '../../src/actions/authorize.js';
import { fillForm } from '../../src/actions/fill-form.js';
import type { NoticeEvent, ScenarioEndEvent } from '../../src/engine/events.js';
import { DEMO_AUTH_FIELDS, runPlanIds } from '../support/run-suite.js';
import { startReferenceStack, type ReferenceStack } from '../support/stack.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = join(ROOT, 'conformance/src/cli.ts');

const SIGN_IN = `<form method="post" action="/login"><input type="hidden" name="csrf" value="t">
<input type="text" name="username" required><input type="password" name="password" required>
<input type="checkbox" name="remember"><button type="submit" name="go" value="1">Sign in</button></form>`;
const CONSENT = `<form method="post" action="/consent"><input type="hidden" name="tx" value="1">
<button type="submit" name="decision" value="approve">Allow</button><button type="submit" name="decision" value="deny">Deny</button></form>`;

describe('fillForm and authFieldMistake', () => {
  it('names the credentials a sign-in form was sent without', () => {
    const f = fillForm(SIGN_IN, 'https://as.example.com/login', { user: 'alice', password: 'x' })!;
    expect(f.emptyCredentials).toEqual(['username']);
    expect(f.names).toEqual(['username', 'password', 'go']);
    expect(authFieldMistake({ user: 'alice', password: 'x' }, f, 'https://as.example.com/login', new Set(f.names))).toMatch(
      /^--auth-field "user" names no field of the sign-in form at https:\/\/as\.example\.com\/login \(its fields: username, password, go\), so username went empty/,
    );
    const none = fillForm(SIGN_IN, 'https://as.example.com/login', {})!;
    expect(authFieldMistake({}, none, 'https://as.example.com/login', new Set(none.names))).toMatch(/asks for username, password, which no --auth-field gives/);
  });

  it('says nothing when every credential field was filled, or the form asks for none', () => {
    const f = fillForm(SIGN_IN, 'https://as.example.com/login', DEMO_AUTH_FIELDS)!;
    expect(f.emptyCredentials).toEqual([]);
    expect(authFieldMistake(DEMO_AUTH_FIELDS, f, 'x', new Set(f.names))).toBeUndefined();
    const consent = fillForm(CONSENT, 'https://as.example.com/consent', { decision: 'approve' })!;
    expect(consent.emptyCredentials).toEqual([]);
  });
});

let stack: ReferenceStack;
beforeAll(async () => {
  stack = await startReferenceStack();
});
afterAll(async () => {
  await stack?.close();
});

const usageNotice = (events: { type: string }[]) => events.find((e): e is NoticeEvent => e.type === 'notice' && (e as NoticeEvent).level === 'error');

describe('--authorize auto against the reference stack', () => {
  it('a misspelt --auth-field is a usage error (exit 2) naming it, and ends the run', async () => {
    const run = await runPlanIds(stack.manifestUrl, ['obc-provider-read'], { authFields: { user: 'alice', password: DEMO_AUTH_FIELDS.password } });
    expect(run.end).toMatchObject({ verdict: 'error', exitCode: 2, suiteError: true });
    expect(usageNotice(run.events)).toMatchObject({ code: 'auth-fields', message: expect.stringMatching(/^--auth-field "user" names no field of the sign-in form at .*\(its fields: [^)]*username/) });
    // Nothing after the scenario that met it ran, and no check failed on the provider's account.
    const ends = run.events.filter((e): e is ScenarioEndEvent => e.type === 'scenario-end');
    expect(ends.at(-1)).toMatchObject({ outcome: 'error', reason: expect.stringMatching(/^usage error: /) });
    expect(run.checks.filter((c) => c.outcome === 'fail')).toEqual([]);
    expect(JSON.stringify(run.events)).not.toContain(DEMO_AUTH_FIELDS.password);
  }, 60_000);

  it('no --auth-field at all is a usage error (exit 2) naming the fields the form asks for', async () => {
    const run = await runPlanIds(stack.manifestUrl, ['obc-provider-read'], { authFields: {} });
    expect(run.end).toMatchObject({ verdict: 'error', exitCode: 2 });
    expect(usageNotice(run.events)?.message).toMatch(/asks for username, password, which no --auth-field gives .*--auth-field username=… --auth-field password=…/);
  }, 60_000);

  it('a wrong password in the right field stays the provider\'s result (exit 1)', async () => {
    const run = await runPlanIds(stack.manifestUrl, ['obc-provider-read'], { authFields: { username: 'alice', password: 'not-the-password' } });
    expect(run.end).toMatchObject({ verdict: 'fail', exitCode: 1 });
    expect(usageNotice(run.events)).toBeUndefined();
  }, 60_000);

  it('as a child process: exit 2 and the last line is the one-line message', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lrc-auth-')), 'run');
    const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'run', '--plan', 'obc-provider-read', '--target', stack.manifestUrl, '--auth-field', 'usr=alice', '--out', out], { cwd: ROOT });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c) => (stdout += c));
      child.stderr.on('data', (c) => (stderr += c));
      child.on('exit', (code) => done({ code, stdout, stderr }));
    });
    expect(r.code, r.stdout).toBe(2);
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^conformance: --auth-field "usr" names no field of the sign-in form/);
    expect(r.stdout).toMatch(/\nSUITE ERROR: /);
    expect(r.stdout).not.toMatch(/\bat .+:\d+:\d+/);
  }, 90_000);
});

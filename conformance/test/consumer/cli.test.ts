/** --listen / --trigger / --wait: config resolution, and whole runs of the CLI with a command as the candidate. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveRunConfig } from '../../src/cli/resolve-config.js';
import { UsageError } from '../../src/engine/errors.js';
import { PLANS } from '../../src/plans/index.js';
import { testConsumer } from './support/test-consumer.js';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const known = [...PLANS.keys()];
const code = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (err) {
    return err instanceof UsageError ? err.code : String(err);
  }
};

describe('consumer flags', () => {
  it('need no --target for consumer plans, and give the scenario time to wait', () => {
    const config = resolveRunConfig({ plan: ['obc-consumer-read'], trigger: 'true', wait: '45' }, known);
    expect(config.consumer).toMatchObject({ host: '127.0.0.1', port: 0, trigger: 'true', waitMs: 45_000, only: true });
    expect(config.scenarioTimeoutMs).toBeGreaterThanOrEqual(75_000);
  });
  it('default to 127.0.0.1:0 and 120 s without a trigger', () => {
    expect(resolveRunConfig({ plan: ['clr-consumer'], listen: '127.0.0.1:7001' }, known).consumer).toMatchObject({ port: 7001, waitMs: 120_000 });
    expect(resolveRunConfig({ plan: ['clr-consumer'] }, known).consumer?.trigger).toBeUndefined();
  });
  it('are refused when malformed or without a consumer plan', () => {
    expect(code(() => resolveRunConfig({ plan: ['obc-consumer-read'], listen: '0.0.0.0:0' }, known))).toBe('bad-listen');
    expect(code(() => resolveRunConfig({ plan: ['obc-consumer-read'], listen: 'nonsense' }, known))).toBe('bad-listen');
    expect(code(() => resolveRunConfig({ plan: ['obc-consumer-read'], wait: '0' }, known))).toBe('bad-number');
    expect(code(() => resolveRunConfig({ plan: ['obc-consumer-read'], trigger: ' ' }, known))).toBe('bad-trigger');
    expect(code(() => resolveRunConfig({ plan: ['obc-provider-read'], target: 'http://127.0.0.1:1', trigger: 'x' }, known))).toBe('consumer-flags-without-consumer-plan');
  });
  it('leave provider runs as they were: a target is still required', () => {
    expect(code(() => resolveRunConfig({ plan: ['obc-provider-read'] }, known))).toBe('missing-target');
    expect(resolveRunConfig({ plan: ['obc-provider-read'], target: 'http://127.0.0.1:1' }, known).consumer).toBeUndefined();
  });
});

describe('conformance run with --trigger', () => {
  const candidate = join(ROOT, 'conformance/test/consumer/support/test-consumer-cli.ts');
  const run = (plan: string, family: string, faults: string[] = []) => {
    const out = mkdtempSync(join(tmpdir(), 'consumer-cli-'));
    const trigger = `node --import tsx '${candidate}' ${family} {manifest} {discovery} {origin} ${faults.join(' ')}`;
    const res = spawnSync('node', ['--import', 'tsx', 'conformance/src/cli.ts', 'run', '--plan', plan, '--listen', '127.0.0.1:0', '--trigger', trigger, '--wait', '20', '--out', out, '--reporter', 'json', '--no-sign'], { cwd: ROOT, encoding: 'utf8', timeout: 90_000 });
    return { status: res.status, stdout: res.stdout, stderr: res.stderr, events: readFileSync(join(out, 'events.jsonl'), 'utf8') };
  };

  it('passes a correct candidate (exit 0) and prints the emulator URLs', () => {
    const r = run('clr-consumer', 'clr');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/CLR discovery: +http:\/\/127\.0\.0\.1:\d+\/ims\/clr\/v1p0\/discovery/);
    expect(r.events).toContain('"label":"candidate → get-clrs"');
    // Credentials the emulator issued never reach the event log.
    expect(r.events).toContain('"authorization":"Bearer [redacted]"');
    expect(r.events).not.toMatch(/"authorization":"(Bearer|Basic) (?!\[redacted\])/i);
    expect(r.events).not.toMatch(/"(access_token|refresh_token|client_secret)":"(?!\[redacted\])/);
  }, 120_000);

  it('reports a trigger that cannot run as a configuration problem (exit 2)', () => {
    const out = mkdtempSync(join(tmpdir(), 'consumer-cli-'));
    const res = spawnSync('node', ['--import', 'tsx', 'conformance/src/cli.ts', 'run', '--plan', 'clr-consumer', '--trigger', 'no-such-candidate-command {discovery}', '--wait', '10', '--out', out, '--reporter', 'json', '--no-sign'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(res.status, res.stdout + res.stderr).toBe(2);
    expect(readFileSync(join(out, 'events.jsonl'), 'utf8')).toContain('the --trigger command could not run (exit 127)');
  }, 90_000);

  it('fails a faulty candidate (exit 1)', () => {
    const r = run('clr-consumer', 'clr', ['skip-pkce']);
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.events).toContain('CLR10-CONSUMER-PKCE-S256');
  }, 120_000);
});

describe('conformance run without --trigger (a candidate started by hand)', () => {
  const children: ChildProcess[] = [];
  // A test that times out must not leave its CLI (and the emulators it holds) running.
  afterEach(() => {
    for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  });

  /** Runs the CLI as a child process; `onLine` sees each stdout line as it comes. */
  function runCli(args: string[], onLine: (line: string) => void = () => {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise((resolveRun) => {
      const child = spawn('node', ['--import', 'tsx', 'conformance/src/cli.ts', 'run', ...args, '--reporter', 'json', '--no-sign'], { cwd: ROOT });
      children.push(child);
      let stdout = '';
      let stderr = '';
      let pending = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk;
        pending += chunk;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        lines.forEach(onLine);
      });
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
      child.on('exit', (status) => resolveRun({ status, stdout, stderr }));
    });
  }

  it('prints where to connect, waits for each scenario, and judges the candidate that came (exit 0)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'consumer-cli-'));
    const candidate = testConsumer({ family: 'clr' });
    const prompts: string[] = [];
    let running = new AbortController();
    const r = await runCli(['--plan', 'clr-consumer', '--listen', '127.0.0.1:0', '--wait', '30', '--out', out], (line) => {
      const url = /start the candidate against (\S+)/.exec(line)?.[1];
      if (!url) return;
      prompts.push(url);
      // One candidate at a time, as a person would start it: the previous one is ended first.
      running.abort();
      running = new AbortController();
      const origin = new URL(url).origin;
      void candidate({ manifest: `${origin}/.well-known/badgeconnect.json`, discovery: url, origin }, running.signal).catch(() => undefined);
    });
    running.abort();
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/emulators listening at http:\/\/127\.0\.0\.1:\d+/);
    expect(r.stdout).toContain('no --trigger: start the candidate for each scenario as prompted (each waits up to 30 s)');
    expect(prompts.length).toBeGreaterThan(1);
    expect(prompts.every((u) => /^http:\/\/127\.0\.0\.1:\d+\/ims\/clr\/v1p0\/discovery$/.test(u))).toBe(true);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { verdict: string };
    expect(summary.verdict).toBe('pass');
  }, 120_000);

  it('fails when no candidate comes within --wait (exit 1), saying how long it waited', async () => {
    const out = mkdtempSync(join(tmpdir(), 'consumer-cli-'));
    const r = await runCli(['--plan', 'obc-consumer-read', '--wait', '1', '--out', out]);
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toContain('no more requests after 1 s; judging what was received (0 request(s))');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { verdict: string };
    expect(summary.verdict).toBe('fail');
  }, 120_000);
});

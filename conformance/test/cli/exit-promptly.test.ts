/**
 * The CLI exits within a second of its last line. What kept it alive was a scenario abandoned at its
 * time limit: its code went on sending requests (each up to the request timeout) after the run had
 * ended. A scenario's HTTP is now aborted when it ends, and its later checks are refused.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src/engine/events.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = join(ROOT, 'conformance/src/cli.ts');
const READ = 'https://purl.imsglobal.org/spec/ob/v2p1/scope/';

/** Serves a manifest; every other request is accepted and never answered. */
let server: Server;
let origin = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url !== '/.well-known/badgeconnect.json') return;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({
      id: `${origin}/.well-known/badgeconnect.json`,
      badgeConnectAPI: [{
        name: 'Hanging provider', version: 'v2p1', apiBase: `${origin}/ims/ob/v2p1`, termsOfServiceUrl: `${origin}/terms`,
        privacyPolicyUrl: `${origin}/privacy`, scopesOffered: [`${READ}assertion.readonly`, `${READ}profile.readonly`],
        registrationUrl: `${origin}/register`, authorizationUrl: `${origin}/authorize`, tokenUrl: `${origin}/token`,
      }],
    }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

/** Runs the CLI; `gapMs` is the time from its last output to its exit. */
function timed(args: string[]): Promise<{ code: number | null; gapMs: number; stdout: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT });
    let last = performance.now();
    let stdout = '';
    child.stdout.on('data', (c) => ((stdout += c), (last = performance.now())));
    child.stderr.on('data', () => (last = performance.now()));
    child.on('exit', (code) => done({ code, gapMs: performance.now() - last, stdout }));
  });
}

describe('the CLI exits promptly', () => {
  it('within a second of its last line when scenarios were abandoned at their time limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lrc-exit-'));
    const config = join(dir, 'config.json');
    // Requests may take 30 s each, scenarios only 2 s: the abandoned ones used to go on for minutes.
    writeFileSync(config, JSON.stringify({ scenarioTimeoutMs: 2000, timeoutMs: 30_000 }));
    const out = join(dir, 'run');
    const r = await timed(['run', '--plan', 'obc-provider-read', '--config', config, '--target', origin, '--out', out, '--reporter', 'console', '--reporter', 'json', '--no-sign']);
    expect(r.code, r.stdout).toBe(1);
    expect(r.stdout).toContain('did not finish within 2000 ms');
    expect(r.gapMs).toBeLessThan(1000);
    // Nothing of a scenario is recorded after its end.
    const events = readFileSync(join(out, 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as RunEvent);
    const endedAt = new Map<string, number>();
    events.forEach((e, i) => {
      if (e.type === 'scenario-end') endedAt.set(e.scenarioId, i);
      if ((e.type === 'check' || e.type === 'http') && endedAt.has(e.scenarioId)) throw new Error(`${e.type} of ${e.scenarioId} after its end`);
    });
  }, 60_000);

  it('within a second of its last line after a plain validate', async () => {
    const out = mkdtempSync(join(tmpdir(), 'lrc-exit-v-'));
    const file = join(out, 'manifest.json');
    writeFileSync(file, JSON.stringify({ id: 'https://p.example.org/m', badgeConnectAPI: [] }));
    const r = await timed(['validate', file, '--type', 'manifest', '--out', out, '--reporter', 'json']);
    expect(r.code).toBe(1);
    expect(r.gapMs).toBeLessThan(1000);
  }, 60_000);
});

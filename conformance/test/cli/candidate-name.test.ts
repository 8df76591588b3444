/**
 * Consumer reports name the product under test (--candidate-name, else the trigger command with
 * credential-looking values masked), never the emulators' URL.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { candidateName } from '../../src/cli/consumer-config.js';
import { resolveRunConfig } from '../../src/cli/resolve-config.js';
import { runCommand } from '../../src/cli/run-command.js';
import { UsageError } from '../../src/engine/errors.js';
import type { RunStartEvent } from '../../src/engine/events.js';
import { PLANS } from '../../src/plans/index.js';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const known = [...PLANS.keys()];

describe('candidate name', () => {
  it('is --candidate-name, else the trigger with secrets masked, else says the candidate was started by hand', () => {
    expect(candidateName({ candidateName: ' Acme Wallet 2.1 ', trigger: 'x' })).toBe('Acme Wallet 2.1');
    expect(candidateName({ trigger: 'acme-sync --user bob --password hunter2 --api-key=abc123 {manifest}' })).toBe(
      'the consumer run by `acme-sync --user bob --password [redacted] --api-key=[redacted] {manifest}`',
    );
    expect(candidateName({})).toMatch(/started by hand/);
  });

  it('is set for consumer plans only; --candidate-name without one is a usage error', () => {
    expect(resolveRunConfig({ plan: ['clr-consumer'], candidateName: 'Acme' }, known).candidate).toBe('Acme');
    expect(resolveRunConfig({ plan: ['obc-provider-read'], target: 'http://127.0.0.1:1' }, known).candidate).toBeUndefined();
    expect(() => resolveRunConfig({ plan: ['obc-provider-read'], target: 'http://127.0.0.1:1', candidateName: 'Acme' }, known)).toThrow(UsageError);
    expect(() => resolveRunConfig({ plan: ['clr-consumer'], candidateName: ' ' }, known)).toThrow(/--candidate-name must not be empty/);
  });

  it('names the product, not the emulator URL, in run-start, summary.json, report.md and report.html', async () => {
    const out = mkdtempSync(join(tmpdir(), 'lrc-candidate-'));
    const script = join(ROOT, 'conformance/test/consumer/support/test-consumer-cli.ts');
    const config = resolveRunConfig(
      {
        plan: ['clr-consumer'], listen: '127.0.0.1:0', wait: '20', out,
        trigger: `node --import tsx '${script}' clr {manifest} {discovery} {origin}`,
        candidateName: 'Acme Wallet 2.1', reporter: ['json', 'markdown', 'html', 'junit'],
      },
      known,
    );
    const said: string[] = [];
    const result = await runCommand(config, (l) => said.push(l));
    expect(result.exitCode, said.join('\n')).toBe(0);
    const start = JSON.parse(readFileSync(join(out, 'events.jsonl'), 'utf8').split('\n')[0]!) as RunStartEvent;
    expect(start).toMatchObject({ type: 'run-start', target: 'Acme Wallet 2.1', candidate: 'Acme Wallet 2.1' });
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).target).toBe('Acme Wallet 2.1');
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md.split('\n')[0]).toBe('## ✅ PASS — Acme Wallet 2.1');
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<title>Conformance report — Acme Wallet 2.1</title>');
    for (const text of [md, JSON.stringify(start.target)]) expect(text).not.toMatch(/— http:\/\/127\.0\.0\.1/);
    // The emulators' plain http is the suite's own setup: no TLS notice is raised about it.
    expect(readFileSync(join(out, 'events.jsonl'), 'utf8')).not.toContain('tls-not-tested');
  }, 120_000);
});

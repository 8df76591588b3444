/** Shared by the CLR self-tests: waiting for the provider's CLR API, the contract's fault names. */
import { readFile } from 'node:fs/promises';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckEvent, RunEvent } from '../../src/engine/events.js';
import { validateCommand, type ValidateFlags } from '../../src/cli/validate-command.js';

/**
 * The discovery URL once the provider answers it with 200 (polled: the reference provider's CLR API may
 * still be starting); fails the test with the last status after `timeoutMs`.
 */
export async function waitForClrApi(providerOrigin: string, timeoutMs = 10_000): Promise<string> {
  const url = `${providerOrigin}/ims/clr/v1p0/discovery`;
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  for (;;) {
    try {
      const res = await fetch(url);
      await res.body?.cancel();
      if (res.status === 200) return url;
      last = `status ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`the reference provider serves no CLR discovery at ${url} (${last})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The CLR provider fault names listed in docs/CONTRACTS.md ("CLR provider faults"). */
export async function clrFaultNames(): Promise<string[]> {
  const contracts = await readFile(new URL('../../../docs/CONTRACTS.md', import.meta.url), 'utf8');
  const start = contracts.indexOf('CLR provider faults');
  const section = contracts.slice(start, contracts.indexOf('\n\n', start));
  return [...section.matchAll(/`(clr-[a-z0-9-]+)`/g)].map((m) => m[1]!);
}


/** Runs `validate` in process into a temporary run directory and returns its exit code and checks. */
export async function runValidate(sources: string[], flags: ValidateFlags = {}): Promise<{ code: number; checks: CheckEvent[]; events: RunEvent[] }> {
  const out = mkdtempSync(join(tmpdir(), 'lrc-validate-'));
  const code = await validateCommand(sources, { out, reporter: ['json'], ...flags }, () => {});
  const events = readFileSync(join(out, 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as RunEvent);
  return { code, checks: events.filter((e): e is CheckEvent => e.type === 'check'), events };
}

/** `code: message` of every check that did not pass, for assertion messages. */
export const notPassed = (checks: CheckEvent[]): string[] => checks.filter((c) => c.outcome !== 'pass').map((c) => `${c.outcome} ${c.title}: ${c.message}`);

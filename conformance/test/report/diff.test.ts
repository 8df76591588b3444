/** conformance diff: per requirement, new failures / fixed / changed warnings, exit 1 on new failures. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckEvent, RunEvent } from '../../src/engine/events.js';
import { diffCommand } from '../../src/report/commands.js';
import { diffRuns, loadRunResults, type RunResults } from '../../src/report/diff.js';
import { summarize, type SummaryCheck } from '../../src/reporters/summary.js';
import { sampleEvents } from '../reporters/fixtures.js';

const check = (over: Partial<SummaryCheck>): SummaryCheck => ({
  plan: 'p', scenario: 's', checkId: 'c', title: 't', requirementIds: ['R-1'], severity: 'must', outcome: 'pass', message: 'ok', ...over,
});
const run = (checks: SummaryCheck[]): RunResults => ({ source: 'x', runId: 'r', checks });

describe('diffRuns', () => {
  it('classifies changes per requirement', () => {
    const before = run([
      check({ checkId: 'a', outcome: 'pass' }),
      check({ checkId: 'b', outcome: 'fail', requirementIds: ['R-2'] }),
      check({ checkId: 'c', outcome: 'warning', message: 'old' }),
      check({ checkId: 'd', outcome: 'warning' }),
      check({ checkId: 'e', outcome: 'fail' }),
    ]);
    const after = run([
      check({ checkId: 'a', outcome: 'fail', message: 'broke', requirementIds: ['R-1', 'R-3'] }),
      check({ checkId: 'b', outcome: 'pass', requirementIds: ['R-2'] }),
      check({ checkId: 'c', outcome: 'warning', message: 'new' }),
      check({ checkId: 'd', outcome: 'pass' }),
      check({ checkId: 'f', outcome: 'warning' }),
    ]);
    const d = diffRuns(before, after);
    expect(d.counts).toEqual({ 'new-failure': 1, fixed: 1, 'no-longer-checked': 1, 'not-run': 0, 'new-warning': 1, 'resolved-warning': 1, 'changed-warning': 1 });
    const r1 = d.requirements.find((r) => r.id === 'R-1')!;
    expect(r1.changes.map((c) => [c.kind, c.checkId])).toEqual([
      ['new-failure', 'a'], ['no-longer-checked', 'e'], ['new-warning', 'f'], ['resolved-warning', 'd'], ['changed-warning', 'c'],
    ]);
    expect(r1.changes.find((c) => c.kind === 'changed-warning')?.message).toBe('old → new');
    expect(d.requirements.find((r) => r.id === 'R-3')?.changes[0]?.kind).toBe('new-failure');
    expect(d.requirements.find((r) => r.id === 'R-2')?.changes[0]).toMatchObject({ kind: 'fixed', before: 'fail', after: 'pass' });
  });

  it('names a MUST that now could not run for want of data, and never calls a blocked failure fixed', () => {
    const blockedKey = { needs: 'the signing key https://issuer.example.org/key', remedy: '--allow-network' };
    const before = run([check({ checkId: 'a', outcome: 'pass' }), check({ checkId: 'b', outcome: 'fail' }), check({ checkId: 'n', outcome: 'skip' })]);
    const after = run([
      check({ checkId: 'a', outcome: 'skip', message: 'key not fetched', blocked: blockedKey }),
      check({ checkId: 'b', outcome: 'skip', message: 'key not fetched', blocked: blockedKey }),
      // Not applicable, and a SHOULD: neither makes a run inconclusive.
      check({ checkId: 'n', outcome: 'skip', message: 'not offered' }),
      check({ checkId: 's', severity: 'should', outcome: 'skip', blocked: blockedKey }),
    ]);
    const d = diffRuns(before, after);
    expect(d.counts).toMatchObject({ 'not-run': 2, fixed: 0, 'new-failure': 0 });
    expect(d.requirements[0]!.changes[0]!.message).toContain('needs the signing key https://issuer.example.org/key; to finish: --allow-network');
  });

  it('matches repeated calls of one check by position', () => {
    const twice = (second: SummaryCheck['outcome']) => run([check({ outcome: 'pass' }), check({ outcome: second })]);
    expect(diffRuns(twice('pass'), twice('fail')).counts['new-failure']).toBe(1);
    expect(diffRuns(twice('fail'), twice('fail')).counts['new-failure']).toBe(0);
  });
});

describe('conformance diff', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lrc-diff-'));
  const base = sampleEvents();
  const broken: RunEvent[] = base.map((e) =>
    e.type === 'check' && e.scenarioId === 'a' && e.checkId === 'ensure-status' ? ({ ...e, outcome: 'fail', message: 'status 503' } satisfies CheckEvent) : e,
  );
  // Previous run as a directory with events.jsonl, current as a summary.json only.
  mkdirSync(join(dir, 'prev'));
  writeFileSync(join(dir, 'prev', 'events.jsonl'), base.map((e) => JSON.stringify(e)).join('\n'));
  writeFileSync(join(dir, 'curr.json'), JSON.stringify(summarize(broken)));

  it('prints the new failure under its requirement and exits 1', () => {
    const lines: string[] = [];
    expect(diffCommand(join(dir, 'prev'), join(dir, 'curr.json'), {}, (l) => lines.push(l))).toBe(1);
    const text = lines.join('\n');
    expect(text).toContain('OBC21-X\n  new failure       obc-provider-read/a/ensure-status (status): status 503');
    expect(text).toContain('summary: 1 new failure');
    expect(text).toContain('FAILED: the current run has new failures');
  });

  it('exits 0 when nothing got worse, and prints JSON on request', () => {
    const lines: string[] = [];
    expect(diffCommand(join(dir, 'curr.json'), join(dir, 'prev'), { json: true }, (l) => lines.push(l))).toBe(0);
    const parsed = JSON.parse(lines.join('\n'));
    expect(parsed.counts).toMatchObject({ 'new-failure': 0, fixed: 1 });
    expect(parsed.requirements[0]).toMatchObject({ id: 'OBC21-X', changes: [{ kind: 'fixed', scenario: 'a' }] });
  });

  it('refuses a missing or malformed source as a usage error', () => {
    expect(() => loadRunResults(join(dir, 'nope'))).toThrow(/no run directory or file/);
    writeFileSync(join(dir, 'bad.json'), '{"x":1}');
    expect(() => loadRunResults(join(dir, 'bad.json'))).toThrow(/no "checks" array/);
  });
});

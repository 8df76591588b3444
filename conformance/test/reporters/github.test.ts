/** The github reporter: workflow-command annotations from a recorded run, escaped per the runner's rules. */
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src/engine/events.js';
import { escapeData, escapeProperty, githubReporter, renderAnnotations } from '../../src/reporters/github.js';
import { loadReporter } from '../../src/reporters/index.js';
import { sampleEvents } from './fixtures.js';

const t = '2026-01-01T00:00:00.000Z';
const base = (end: RunEvent, checks: RunEvent[] = []): RunEvent[] => [
  { type: 'run-start', time: t, runId: 'r', suite: { name: 's', version: '1' }, target: 'x', plans: ['p'], options: {} },
  ...checks,
  end,
];
const check = (over: Partial<Extract<RunEvent, { type: 'check' }>>): RunEvent => ({
  type: 'check', time: t, planId: 'p', scenarioId: 's', checkId: 'c', title: 'a check', requirementIds: ['REQ-1'], severity: 'must', outcome: 'fail', message: 'm', ...over,
});

describe('github reporter', () => {
  it('annotates a failed MUST as an error titled with its requirement id, and a warning as a warning', () => {
    const lines = renderAnnotations(sampleEvents());
    expect(lines).toEqual([
      '::error title=OBC21-Z::status: status 500, expected 200 \u0001',
      '::warning title=OBC21-Y::extra: extra property /foo',
    ]);
  });

  it('escapes %, CR and LF in messages, and also : and , in the title property', () => {
    expect(escapeData('100% a\r\nb')).toBe('100%25 a%0D%0Ab');
    expect(escapeProperty('A:B,C%')).toBe('A%3AB%2CC%25');
    const lines = renderAnnotations(
      base({ type: 'run-end', time: t, verdict: 'fail', suiteError: false, exitCode: 1, counts: { pass: 0, fail: 1, warning: 0, info: 0, skip: 0, error: 0 }, durationMs: 1 }, [
        check({ requirementIds: ['X:1', 'Y,2'], title: 't: 50%', message: 'line one\nline two\r\n::error::forged' }),
      ]),
    );
    expect(lines).toEqual(['::error title=X%3A1 Y%2C2::t: 50%25: line one%0Aline two%0D%0A::error::forged']);
    // A message cannot start a second command: every annotation is one line.
    expect(lines.join('\n').split('\n')).toHaveLength(1);
  });

  it('does not annotate a failed SHOULD or MAY as an error', () => {
    const lines = renderAnnotations(
      base({ type: 'run-end', time: t, verdict: 'pass', suiteError: false, exitCode: 0, counts: { pass: 0, fail: 0, warning: 0, info: 0, skip: 0, error: 0 }, durationMs: 1 }, [
        check({ severity: 'should', outcome: 'fail' }),
      ]),
    );
    expect(lines.filter((l) => l.startsWith('::error'))).toEqual([]);
  });

  it('names what an inconclusive run lacked and the flag that would let it finish, as a notice', () => {
    const lines = renderAnnotations(
      base({
        type: 'run-end', time: t, verdict: 'inconclusive', suiteError: false, exitCode: 3,
        counts: { pass: 1, fail: 0, warning: 0, info: 0, skip: 1, error: 0 }, durationMs: 1,
        blocked: { must: 1, needs: ['the signing key https://i.example.org/k'], remedies: ['--allow-network'] },
      }),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::notice title=inconclusive::not conclusive: 1 MUST check could not run for want of data \(the signing key https:\/\/i\.example\.org\/k\); to finish: --allow-network$/);
  });

  it('reports a suite error with no failing check as one error annotation', () => {
    const lines = renderAnnotations([
      ...base({ type: 'run-end', time: t, verdict: 'error', suiteError: true, exitCode: 2, counts: { pass: 0, fail: 0, warning: 0, info: 0, skip: 0, error: 0 }, durationMs: 0 }, [
        { type: 'notice', time: t, level: 'error', code: 'target-unreachable', message: 'target unreachable: http://127.0.0.1:9 (ECONNREFUSED)' },
      ]),
    ]);
    expect(lines).toEqual(['::error title=suite error::target unreachable: http://127.0.0.1:9 (ECONNREFUSED)']);
  });

  it('caps each kind at ten annotations and says how many more are in the report', () => {
    const many = Array.from({ length: 13 }, (_, i) => check({ checkId: `c${i}`, message: `m${i}` }));
    const lines = renderAnnotations(
      base({ type: 'run-end', time: t, verdict: 'fail', suiteError: false, exitCode: 1, counts: { pass: 0, fail: 13, warning: 0, info: 0, skip: 0, error: 0 }, durationMs: 1 }, many),
    );
    expect(lines.filter((l) => l.startsWith('::error'))).toHaveLength(10);
    expect(lines.at(-1)).toBe('::notice title=more failed MUST checks::3 more failed MUST checks in report.md and report.html');
  });

  it('is a built-in reporter that writes through the given sink and no file', async () => {
    const lines: string[] = [];
    const r = await loadReporter('github', { write: (l) => lines.push(l) });
    expect(r.name).toBe('github');
    expect(await r.finish!(sampleEvents(), '/nonexistent')).toEqual([]);
    expect(lines).toEqual(renderAnnotations(sampleEvents()));
    const direct: string[] = [];
    await githubReporter((l) => direct.push(l)).finish!(sampleEvents(), '/nonexistent');
    expect(direct).toEqual(lines);
  });
});

/** Expected failures: parsed strictly, turned into warnings, and stale entries fail the run. */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/engine/errors.js';
import type { CheckEvent, NoticeEvent, RunEndEvent, RunEvent } from '../../src/engine/events.js';
import { applyExpectedFailures, parseExpectedFailures } from '../../src/report/expected-failures.js';
import { summarize } from '../../src/reporters/summary.js';
import { sampleEvents } from '../reporters/fixtures.js';

const parse = (value: unknown) => parseExpectedFailures(JSON.stringify(value), 'xf.json');
const usage = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('expected a UsageError');
};
const endOf = (events: RunEvent[]) => events.find((e): e is RunEndEvent => e.type === 'run-end')!;
const noticesOf = (events: RunEvent[]) => events.filter((e): e is NoticeEvent => e.type === 'notice');

describe('expected-failures file', () => {
  it('accepts entries with scenario, check, reason and an optional plan', () => {
    expect(parse({ expectedFailures: [{ scenario: 'b', check: 'ensure-status', reason: ' known bug #12 ', plan: 'p' }] })).toEqual([
      { plan: 'p', scenario: 'b', check: 'ensure-status', reason: 'known bug #12' },
    ]);
  });

  it('refuses an entry without a reason, naming the entry', () => {
    expect(usage(() => parse({ expectedFailures: [{ scenario: 'b', check: 'c', reason: 'x' }, { scenario: 'b', check: 'd' }] }))).toBe(
      'expected-failures file xf.json: entry 2 has no reason: every expected failure needs one',
    );
    expect(usage(() => parse({ expectedFailures: [{ scenario: 'b', check: 'c', reason: '   ' }] }))).toContain('entry 1 has no reason');
  });

  it('refuses malformed files', () => {
    expect(usage(() => parseExpectedFailures('{', 'xf.json'))).toContain('not valid JSON');
    expect(usage(() => parse([]))).toContain('must hold a JSON object');
    expect(usage(() => parse({ expectedFailure: [] }))).toContain('unknown key "expectedFailure"');
    expect(usage(() => parse({ expectedFailures: [{ scenario: 'b', reason: 'r' }] }))).toContain('needs "check"');
    expect(usage(() => parse({ expectedFailures: [{ scenario: 'b', check: 'c', reason: 'r', why: 1 }] }))).toContain('unknown key "why"');
    const dup = { scenario: 'b', check: 'c', reason: 'r' };
    expect(usage(() => parse({ expectedFailures: [dup, dup] }))).toContain('entry 2 repeats b/c');
  });
});

describe('applying expected failures', () => {
  it('turns a listed failure into a warning with its reason, and the run passes', () => {
    const { events, passing } = applyExpectedFailures(sampleEvents(), [{ scenario: 'b', check: 'ensure-status', reason: 'bug #12' }], 'xf.json');
    expect(passing).toEqual([]);
    const check = events.find((e): e is CheckEvent => e.type === 'check' && e.scenarioId === 'b')!;
    expect(check.outcome).toBe('warning');
    expect(check.message).toMatch(/\(expected fail: bug #12\)$/);
    expect(endOf(events)).toMatchObject({ exitCode: 0, verdict: 'pass', counts: { fail: 0, warning: 2, pass: 1 } });
    const s = summarize(events);
    expect(s.scenarios.find((x) => x.id === 'b')).toMatchObject({ outcome: 'pass', reason: 'stopped, an expected failure' });
    expect(s.plans[0]?.outcome).toBe('pass');
    expect(noticesOf(events).at(-1)).toMatchObject({ level: 'warning', code: 'expected-failure', message: 'expected failure b/ensure-status reported as a warning: bug #12' });
    expect(events[0]).toMatchObject({ options: { expectedFailures: { file: 'xf.json', entries: 1 } } });
  });

  it('fails the run, naming the entry, when a listed failure passes', () => {
    const { events, passing } = applyExpectedFailures(sampleEvents(), [{ plan: 'obc-provider-read', scenario: 'a', check: 'ensure-status', reason: 'flaky' }], 'xf.json');
    expect(passing.map((p) => p.check)).toEqual(['ensure-status']);
    expect(noticesOf(events).at(-1)).toMatchObject({
      level: 'error',
      code: 'expected-failure-passed',
      message: 'expected failure obc-provider-read/a/ensure-status now passes: remove it from xf.json',
    });
    expect(endOf(events)).toMatchObject({ exitCode: 1, verdict: 'fail' });
  });

  it('leaves other plans, suite errors and unmatched entries alone, and says what did not run', () => {
    const entries = [
      { plan: 'other-plan', scenario: 'b', check: 'ensure-status', reason: 'only there' },
      { scenario: 'zzz', check: 'ensure-status', reason: 'typo' },
    ];
    const { events } = applyExpectedFailures(sampleEvents(), entries, 'xf.json');
    expect(events.find((e): e is CheckEvent => e.type === 'check' && e.scenarioId === 'b')?.outcome).toBe('fail');
    expect(endOf(events)).toMatchObject({ exitCode: 1 });
    expect(noticesOf(events).filter((n) => n.code === 'expected-failure-not-seen')).toHaveLength(2);
  });

  it('keeps a suite error an error and exit code 2', () => {
    const events = sampleEvents().map((e) =>
      e.type === 'check' && e.scenarioId === 'b' ? { ...e, outcome: 'error' as const } : e.type === 'run-end' ? { ...e, suiteError: true, exitCode: 2 as const } : e,
    );
    const out = applyExpectedFailures(events, [{ scenario: 'b', check: 'ensure-status', reason: 'r' }], 'xf.json').events;
    expect(out.find((e): e is CheckEvent => e.type === 'check' && e.scenarioId === 'b')?.outcome).toBe('error');
    expect(endOf(out).exitCode).toBe(2);
  });

  it('turns a listed skip into a warning', () => {
    const events = sampleEvents().map((e) => (e.type === 'check' && e.scenarioId === 'a' && e.outcome === 'pass' ? { ...e, outcome: 'skip' as const } : e));
    const out = applyExpectedFailures(events, [{ scenario: 'a', check: 'ensure-status', reason: 'no endpoint' }], 'xf.json').events;
    expect(out.find((e): e is CheckEvent => e.type === 'check' && e.scenarioId === 'a' && e.checkId === 'ensure-status')?.outcome).toBe('warning');
  });

  it('keeps a run inconclusive (exit 3) for an unlisted blocked MUST, and settles it when the blocked check is listed', () => {
    const blocked = { needs: 'the signing key https://issuer.example.org/key', remedy: '--allow-network' };
    // Scenario a's passing MUST becomes a skip for want of data; b's failure is listed.
    const events = sampleEvents().map((e): RunEvent => {
      if (e.type === 'check' && e.scenarioId === 'a' && e.outcome === 'pass') return { ...e, outcome: 'skip', blocked };
      if (e.type === 'scenario-end' && e.scenarioId === 'a') return { ...e, outcome: 'inconclusive' };
      if (e.type === 'run-end') return { ...e, blocked: { must: 1, needs: [blocked.needs], remedies: [blocked.remedy] } };
      return e;
    });
    const listB = [{ scenario: 'b', check: 'ensure-status', reason: 'known' }];
    const still = applyExpectedFailures(events, listB, 'xf.json').events;
    expect(endOf(still)).toMatchObject({ verdict: 'inconclusive', exitCode: 3, blocked: { must: 1 } });
    expect(still.find((e) => e.type === 'plan-end')).toMatchObject({ outcome: 'inconclusive' });

    const both = applyExpectedFailures(events, [...listB, { scenario: 'a', check: 'ensure-status', reason: 'key offline' }], 'xf.json').events;
    expect(endOf(both)).toMatchObject({ verdict: 'pass', exitCode: 0 });
    expect(endOf(both).blocked).toBeUndefined();
    expect(both.find((e) => e.type === 'scenario-end' && e.scenarioId === 'a')).toMatchObject({ outcome: 'pass' });
    expect(both.find((e): e is CheckEvent => e.type === 'check' && e.scenarioId === 'a' && e.checkId === 'ensure-status')).not.toHaveProperty('blocked');
  });
});

/** The line sinks behind --quiet/--json, the reporters a CI job adds, and the one-line reports: entry. */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOutput, reporterNames, reportsLine } from '../../src/cli/output.js';

describe('reportsLine', () => {
  it('names the folder and its files by name, and a file elsewhere by its path', () => {
    const dir = resolve('/tmp/run-1');
    expect(reportsLine('/tmp/run-1', [join(dir, 'events.jsonl'), join(dir, 'report.html')])).toBe('reports: /tmp/run-1 (events.jsonl, report.html)');
    expect(reportsLine('out', [join(resolve('out'), 'summary.json'), '/elsewhere/custom.txt'])).toBe('reports: out (summary.json, /elsewhere/custom.txt)');
    expect(reportsLine('out', [])).toBe('reports: out');
  });
});

describe('reporterNames', () => {
  it('adds github only when GITHUB_ACTIONS is exactly "true", and never twice', () => {
    expect(reporterNames(['console'], { GITHUB_ACTIONS: 'true' })).toEqual(['console', 'github']);
    expect(reporterNames(['github', 'json'], { GITHUB_ACTIONS: 'true' })).toEqual(['github', 'json']);
    expect(reporterNames(['console'], { GITHUB_ACTIONS: 'false' })).toEqual(['console']);
    expect(reporterNames(['console'], {})).toEqual(['console']);
  });
});

describe('createOutput', () => {
  const sinks = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, push: [(l: string) => out.push(l), (l: string) => err.push(l)] as const };
  };
  const all = (o: ReturnType<typeof createOutput>) => {
    o.progress('p');
    o.result('r');
    o.warn('w');
    o.reporterWrite('a');
    o.json('{}');
  };

  it('plain: everything but warnings on stdout', () => {
    const s = sinks();
    all(createOutput({}, ...s.push));
    expect(s).toMatchObject({ out: ['p', 'r', 'a', '{}'], err: ['w'] });
  });

  it('--json: stdout holds the JSON alone', () => {
    const s = sinks();
    all(createOutput({ json: true }, ...s.push));
    expect(s).toMatchObject({ out: ['{}'], err: ['p', 'r', 'w', 'a'] });
  });

  it('--quiet: no progress', () => {
    const s = sinks();
    all(createOutput({ quiet: true }, ...s.push));
    expect(s).toMatchObject({ out: ['r', 'a', '{}'], err: ['w'] });
  });
});

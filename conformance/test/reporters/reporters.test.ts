import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportCommand } from '../../src/cli/report-command.js';
import { UsageError } from '../../src/engine/errors.js';
import { consoleReporter } from '../../src/reporters/console.js';
import { loadReporter } from '../../src/reporters/index.js';
import { jsonReporter } from '../../src/reporters/json.js';
import { parseEventLog } from '../../src/reporters/jsonl.js';
import { esc, junitReporter } from '../../src/reporters/junit.js';
import { summarize } from '../../src/reporters/summary.js';
import { sampleEvents } from './fixtures.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'lrc-rep-'));

describe('summary', () => {
  it('gives the verdict, counts per outcome and one entry per check', () => {
    const s = summarize(sampleEvents());
    expect(s).toMatchObject({ verdict: 'fail', exitCode: 1, counts: { pass: 1, fail: 1, warning: 1 } });
    expect(s.checks).toHaveLength(3);
    expect(s.checks[1]).toMatchObject({ scenario: 'a', checkId: 'ensure-no-unknown-properties', requirementIds: ['OBC21-Y'], severity: 'should', outcome: 'warning' });
    expect(s.plans).toEqual([{ id: 'obc-provider-read', title: 'Read', outcome: 'fail' }]);
    expect(s.scenarios.map((x) => x.outcome)).toEqual(['pass', 'fail', 'skip']);
    expect(s.notices[0]?.code).toBe('tls-not-tested');
  });

  it('treats a stream without run-end as an aborted run', () => {
    const s = summarize(sampleEvents().slice(0, 5));
    expect(s).toMatchObject({ verdict: 'error', exitCode: 2, suiteError: true });
    expect(s.plans[0]?.outcome).toBe('incomplete');
  });
});

describe('junit', () => {
  it('writes one testcase per scenario with failure, skipped and warnings in system-out', async () => {
    const dir = tmp();
    await junitReporter.finish!(sampleEvents(), dir);
    const xml = readFileSync(join(dir, 'junit.xml'), 'utf8');
    expect(xml).toContain('<testsuites name="lrc-conformance" tests="3" failures="1" errors="0" skipped="1"');
    expect(xml).toContain('Scenario &lt;A&gt; &amp; &quot;quotes&quot;');
    // Each check is named by its title, its id beside it.
    expect(xml).toMatch(/<failure message="status: status 500, expected 200 " type="OBC21-Z">\[FAIL\] status \(ensure-status; OBC21-Z\)/);
    expect(xml).toContain('<skipped message="no revocation endpoint"/>');
    expect(xml).toContain('<system-out>[WARNING] extra (ensure-no-unknown-properties; OBC21-Y)');
    expect(xml).toContain('<property name="verdict" value="fail"/>');
    expect(xml).not.toContain('\u0001');
  });

  it('escapes every XML metacharacter', () => {
    expect(esc(`<a b="c">&'`)).toBe('&lt;a b=&quot;c&quot;&gt;&amp;\'');
  });
});

describe('console', () => {
  it('prints a line per scenario with its failures and the totals', () => {
    const lines: string[] = [];
    const r = consoleReporter((l) => lines.push(l));
    for (const e of sampleEvents()) r.onEvent!(e);
    const text = lines.join('\n');
    expect(text).toContain('✓ [1/3] a 10 ms');
    expect(text).toContain('✗ [2/3] b 20 ms');
    expect(text).toContain('FAIL: status: status 500, expected 200');
    expect(text).toContain('warning: extra: extra property /foo');
    expect(text).toContain('○ [3/3] c 0 ms (no revocation endpoint)');
    expect(text).toContain('FAIL: 1 passed, 1 failed, 1 warnings');
  });
});

describe('re-rendering and pluggable reporters', () => {
  it('re-renders summary.json from events.jsonl alone and returns the recorded exit code', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'events.jsonl'), sampleEvents().map((e) => JSON.stringify(e)).join('\n') + '\n');
    const code = await reportCommand(dir, ['json'], undefined, () => undefined);
    expect(code).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'))).toEqual(summarize(sampleEvents()));
  });

  it('loads a reporter from a module path', async () => {
    const dir = tmp();
    const mod = join(dir, 'count-reporter.mjs');
    writeFileSync(
      mod,
      `import { writeFile } from 'node:fs/promises';
       export default { name: 'count', async finish(events, out) { const f = out + '/count.txt'; await writeFile(f, String(events.length)); return [f]; } };`,
    );
    const code = await reportCommand(dir, [mod], dir, () => undefined).catch((e) => e);
    expect(code).toBeInstanceOf(UsageError); // no events.jsonl yet
    writeFileSync(join(dir, 'events.jsonl'), sampleEvents().map((e) => JSON.stringify(e)).join('\n'));
    await reportCommand(dir, [mod], dir, () => undefined);
    expect(readFileSync(join(dir, 'count.txt'), 'utf8')).toBe(String(sampleEvents().length));
  });

  it('refuses unknown reporter names and modules without a reporter', async () => {
    await expect(loadReporter('fancy')).rejects.toThrow(/unknown reporter "fancy"/);
    const dir = tmp();
    const mod = join(dir, 'empty.mjs');
    writeFileSync(mod, 'export default 42;');
    await expect(loadReporter(mod)).rejects.toThrow(/no default export/);
  });

  it('names the bad line of a corrupt events file', () => {
    expect(() => parseEventLog('{"type":"run-start"}\nnot json\n')).toThrow('line 2');
  });

  it('writes summary.json that parses', async () => {
    const dir = tmp();
    const [file] = await jsonReporter.finish!(sampleEvents(), dir);
    expect(JSON.parse(readFileSync(file!, 'utf8')).verdict).toBe('fail');
  });
});

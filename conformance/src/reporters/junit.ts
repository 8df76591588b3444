import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Reporter } from './types.js';
import { summarize, type SummaryCheck } from './summary.js';

/**
 * junit.xml: one testsuite per plan, one testcase per scenario. Failed MUSTs and suite errors become
 * <failure>/<error>; warnings stay visible in <system-out> without failing the case.
 */
export const junitReporter: Reporter = {
  name: 'junit',
  async finish(events, outDir) {
    const s = summarize(events);
    const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
    const total = s.scenarios.length;
    const failures = s.scenarios.filter((x) => x.outcome === 'fail').length;
    const errors = s.scenarios.filter((x) => x.outcome === 'error').length;
    const skipped = s.scenarios.filter((x) => x.outcome === 'skip').length;
    lines.push(
      `<testsuites name="${esc(s.suite?.name ?? 'conformance')}" tests="${total}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${secs(s.durationMs ?? 0)}">`,
    );
    for (const plan of s.plans) {
      const cases = s.scenarios.filter((x) => x.plan === plan.id);
      const f = cases.filter((x) => x.outcome === 'fail').length;
      const e = cases.filter((x) => x.outcome === 'error').length;
      const sk = cases.filter((x) => x.outcome === 'skip').length;
      const time = cases.reduce((a, c) => a + c.durationMs, 0);
      lines.push(
        `  <testsuite name="${esc(plan.id)}" tests="${cases.length}" failures="${f}" errors="${e}" skipped="${sk}" time="${secs(time)}">`,
      );
      for (const c of cases) {
        const checks = s.checks.filter((x) => x.plan === plan.id && x.scenario === c.id);
        lines.push(`    <testcase classname="${esc(plan.id)}" name="${esc(`${c.id}: ${c.title}`)}" time="${secs(c.durationMs)}">`);
        const failed = checks.filter((x) => x.outcome === 'fail');
        const errored = checks.filter((x) => x.outcome === 'error');
        if (c.outcome === 'fail') {
          const first = failed[0];
          lines.push(
            `      <failure message="${esc(first ? first.message : (c.reason ?? 'failed'))}" type="${esc(first?.requirementIds.join(' ') ?? 'failure')}">${esc(failed.map(line).join('\n') || (c.reason ?? ''))}</failure>`,
          );
        } else if (c.outcome === 'error') {
          lines.push(`      <error message="${esc(c.reason ?? 'suite error')}">${esc(errored.map(line).join('\n'))}</error>`);
        } else if (c.outcome === 'skip') {
          lines.push(`      <skipped message="${esc(c.reason ?? 'skipped')}"/>`);
        }
        const notes = checks.filter((x) => x.outcome === 'warning' || x.outcome === 'info');
        if (notes.length) lines.push(`      <system-out>${esc(notes.map(line).join('\n'))}</system-out>`);
        lines.push('    </testcase>');
      }
      lines.push('  </testsuite>');
    }
    lines.push('</testsuites>');
    const file = join(outDir, 'junit.xml');
    await writeFile(file, `${lines.join('\n')}\n`);
    return [file];
  },
};

function line(c: SummaryCheck): string {
  return `[${c.outcome.toUpperCase()}] ${c.checkId} (${c.requirementIds.join(', ')}): ${c.message}`;
}

function secs(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** Escapes text for XML attributes and content, dropping characters XML 1.0 cannot carry. */
export function esc(text: string): string {
  return text
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

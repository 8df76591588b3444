import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Reporter } from './types.js';
import type { RunEvent } from '../engine/events.js';
import { summarize, type Summary, type SummaryCheck } from './summary.js';

/**
 * junit.xml: one testsuite per plan, one testcase per scenario. Failed MUSTs and suite errors become
 * <failure>/<error>; an inconclusive scenario is <skipped> with its reason; warnings stay visible in
 * <system-out> without failing the case. Each testsuite carries the run's verdict as a property.
 */
export const junitReporter: Reporter = {
  name: 'junit',
  async finish(events, outDir) {
    const file = join(outDir, 'junit.xml');
    await writeFile(file, renderJunit(events));
    return [file];
  },
};

/** The junit.xml text. A run that ended in a suite error always carries an <error> test case. */
export function renderJunit(events: readonly RunEvent[]): string {
  const s = summarize(events);
  const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  // A suite error no scenario carries (bad config, unreachable target, an aborted run) gets its own case.
  const runError = s.verdict === 'error' && !s.scenarios.some((x) => x.outcome === 'error') ? runErrorMessage(s) : undefined;
  const total = s.scenarios.length + (runError ? 1 : 0);
  const failures = s.scenarios.filter((x) => x.outcome === 'fail').length;
  const errors = s.scenarios.filter((x) => x.outcome === 'error').length + (runError ? 1 : 0);
  const skipped = s.scenarios.filter((x) => x.outcome === 'skip' || x.outcome === 'inconclusive').length;
  lines.push(
    `<testsuites name="${esc(s.suite?.name ?? 'conformance')}" tests="${total}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${secs(s.durationMs ?? 0)}">`,
  );
  const verdictProperty = `    <properties><property name="verdict" value="${esc(s.verdict)}"/>${
    s.blocked ? `<property name="inconclusive" value="${esc(inconclusiveText(s.blocked))}"/>` : ''
  }</properties>`;
  if (runError) {
    lines.push(`  <testsuite name="run" tests="1" failures="0" errors="1" skipped="0" time="${secs(s.durationMs ?? 0)}">`, verdictProperty);
    lines.push('    <testcase classname="run" name="run: the suite completes the run" time="0.000">');
    lines.push(`      <error message="${esc(runError)}" type="suite-error">${esc(runError)}</error>`);
    lines.push('    </testcase>', '  </testsuite>');
  }
  for (const plan of s.plans) {
    const cases = s.scenarios.filter((x) => x.plan === plan.id);
    const f = cases.filter((x) => x.outcome === 'fail').length;
    const e = cases.filter((x) => x.outcome === 'error').length;
    const sk = cases.filter((x) => x.outcome === 'skip' || x.outcome === 'inconclusive').length;
    const time = cases.reduce((a, c) => a + c.durationMs, 0);
    lines.push(
      `  <testsuite name="${esc(plan.id)}" tests="${cases.length}" failures="${f}" errors="${e}" skipped="${sk}" time="${secs(time)}">`,
      verdictProperty,
    );
    for (const c of cases) {
      const checks = s.checks.filter((x) => x.plan === plan.id && x.scenario === c.id);
      lines.push(`    <testcase classname="${esc(plan.id)}" name="${esc(`${c.id}: ${c.title}`)}" time="${secs(c.durationMs)}">`);
      const failed = checks.filter((x) => x.outcome === 'fail');
      const errored = checks.filter((x) => x.outcome === 'error');
      if (c.outcome === 'fail') {
        const first = failed[0];
        lines.push(
          `      <failure message="${esc(first ? `${first.title}: ${first.message}` : (c.reason ?? 'failed'))}" type="${esc(first?.requirementIds.join(' ') ?? 'failure')}">${esc(failed.map(line).join('\n') || (c.reason ?? ''))}</failure>`,
        );
      } else if (c.outcome === 'error') {
        lines.push(`      <error message="${esc(c.reason ?? 'suite error')}">${esc(errored.map(line).join('\n'))}</error>`);
      } else if (c.outcome === 'inconclusive') {
        const blocked = checks.filter((x) => x.blocked && x.severity === 'must');
        const why = c.reason ?? 'inconclusive: a MUST check could not run for want of data';
        lines.push(`      <skipped message="${esc(why.startsWith('inconclusive') ? why : `inconclusive: ${why}`)}">${esc(blocked.map(line).join('\n'))}</skipped>`);
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
  return `${lines.join('\n')}\n`;
}

function runErrorMessage(s: Summary): string {
  const notice = s.notices.find((n) => n.level === 'error');
  if (notice) return `suite error: ${notice.message}`;
  if (s.endedAt === null) return 'suite error: the run did not finish (no run-end event)';
  return 'suite error: the run could not complete';
}

function inconclusiveText(b: NonNullable<Summary['blocked']>): string {
  return `${b.must} MUST check${b.must === 1 ? '' : 's'} not run for want of data (${b.needs.join('; ')}); to finish: ${b.remedies.join('; or ')}`;
}

function line(c: SummaryCheck): string {
  const needs = c.blocked ? ` (needs ${c.blocked.needs}; to finish: ${c.blocked.remedy})` : '';
  return `[${c.outcome.toUpperCase()}] ${c.title} (${c.checkId}; ${c.requirementIds.join(', ')}): ${c.message}${needs}`;
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

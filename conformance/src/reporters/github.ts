import { verdictOf, type CheckEvent, type RunEndEvent, type RunEvent } from '../engine/events.js';
import { inconclusiveLine } from './console.js';
import type { Reporter } from './types.js';

/** GitHub shows only the first few annotations of each kind per step; the rest would only flood the log. */
const MAX_PER_KIND = 10;

/** Message text of a workflow command: the runner decodes %25, %0D and %0A. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value (title=…) must also not carry the ':' that ends the properties or the ',' between them. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const command = (kind: 'error' | 'warning' | 'notice', title: string, message: string) =>
  `::${kind} title=${escapeProperty(title)}::${escapeData(message)}`;

/** The workflow-command lines for a recorded run: failed MUSTs, warnings, and what an inconclusive run lacked. */
export function renderAnnotations(events: readonly RunEvent[]): string[] {
  const checks = events.filter((e): e is CheckEvent => e.type === 'check');
  const lines: string[] = [];
  const add = (kind: 'error' | 'warning', list: CheckEvent[], what: string) => {
    for (const c of list.slice(0, MAX_PER_KIND)) lines.push(command(kind, c.requirementIds.join(' '), `${c.title}: ${c.message}`));
    if (list.length > MAX_PER_KIND) lines.push(command('notice', `more ${what}`, `${list.length - MAX_PER_KIND} more ${what} in report.md and report.html`));
  };
  add('error', checks.filter((c) => c.outcome === 'fail' && c.severity === 'must'), 'failed MUST checks');
  add('error', checks.filter((c) => c.outcome === 'error'), 'suite errors');
  add('warning', checks.filter((c) => c.outcome === 'warning'), 'warnings');
  const end = events.find((e): e is RunEndEvent => e.type === 'run-end');
  if (!end) {
    lines.push(command('error', 'suite error', 'the run did not finish (no run-end event); the results are partial'));
    return lines;
  }
  const verdict = verdictOf(end);
  if (verdict === 'inconclusive') lines.push(command('notice', 'inconclusive', inconclusiveLine(end) ?? 'a MUST check could not run for want of data'));
  if (verdict === 'error' && !checks.some((c) => c.outcome === 'error')) {
    const notice = events.find((e) => e.type === 'notice' && e.level === 'error');
    const why = notice && notice.type === 'notice' ? notice.message : 'the suite could not complete the run';
    lines.push(command('error', 'suite error', why));
  }
  return lines;
}

/**
 * Workflow-command annotations (GitHub Actions), written once the run is over. Everything comes from the
 * events, which the engine has already redacted, so no secret reaches the log.
 */
export function githubReporter(write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Reporter {
  return {
    name: 'github',
    async finish(events) {
      for (const line of renderAnnotations(events)) write(line);
      return [];
    },
  };
}

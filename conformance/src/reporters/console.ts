import { verdictOf, type RunEndEvent, type RunEvent } from '../engine/events.js';
import type { Reporter } from './types.js';

const SYMBOL = { pass: '✓', fail: '✗', skip: '○', error: '!', inconclusive: '?' } as const;
const VERDICT = { pass: 'PASS', fail: 'FAIL', inconclusive: 'INCONCLUSIVE', error: 'SUITE ERROR' } as const;

/** Live progress: one line per scenario as it ends, its failed checks beneath, a verdict at the end. */
export function consoleReporter(write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Reporter {
  let scenarioIndex = 0;
  let scenarioTotal = 0;
  const pending: string[] = [];
  return {
    name: 'console',
    onEvent(e: RunEvent) {
      switch (e.type) {
        case 'run-start':
          write(`${e.suite.name} ${e.suite.version}: ${e.plans.join(', ')} against ${e.target}`);
          break;
        case 'notice':
          write(`${e.level === 'error' ? 'error' : e.level}: ${e.message}`);
          break;
        case 'plan-start':
          scenarioIndex = 0;
          scenarioTotal = e.scenarios.length;
          write(`\n${e.title} (${e.planId}), ${scenarioTotal} scenarios`);
          break;
        case 'check':
          if (e.outcome === 'fail' || e.outcome === 'error' || e.outcome === 'warning') {
            const tag = e.outcome === 'warning' ? 'warning' : e.outcome === 'error' ? 'suite error' : 'FAIL';
            pending.push(`      ${tag}: ${e.title}: ${e.message}  [${e.requirementIds.join(', ')}]`);
          } else if (e.blocked && e.severity === 'must') {
            pending.push(`      not run: ${e.title}: needs ${e.blocked.needs}  [${e.requirementIds.join(', ')}]`);
          }
          break;
        case 'scenario-end': {
          scenarioIndex += 1;
          const why = e.outcome === 'skip' || e.outcome === 'error' || e.outcome === 'inconclusive' ? ` (${e.reason ?? ''})` : '';
          write(`  ${SYMBOL[e.outcome]} [${scenarioIndex}/${scenarioTotal}] ${e.scenarioId} ${e.durationMs} ms${why}`);
          for (const p of pending.splice(0)) write(p);
          break;
        }
        case 'run-end': {
          write(`\n${verdictLine(e)}`);
          const why = inconclusiveLine(e);
          if (why) write(why);
          break;
        }
        default:
          break;
      }
    },
  };
}

/** The verdict and counts in one line: what `--quiet` keeps. */
export function verdictLine(e: RunEndEvent): string {
  const c = e.counts;
  return `${VERDICT[verdictOf(e)]}: ${c.pass} passed, ${c.fail} failed, ${c.warning} warnings, ${c.info} info, ${c.skip} skipped, ${c.error} suite errors in ${(e.durationMs / 1000).toFixed(1)} s`;
}

/**
 * The command's last line (after the report paths): for an inconclusive run the flag that would let it
 * finish; for a usage or configuration error its one-line message.
 */
export function closingLine(events: readonly RunEvent[]): string | undefined {
  const e = events.find((x): x is RunEndEvent => x.type === 'run-end');
  if (!e) return undefined;
  const verdict = verdictOf(e);
  if (verdict === 'inconclusive') {
    return `inconclusive (exit 3): to finish the checks that lacked data: ${e.blocked?.remedies.join('; or ') ?? 'see the skipped checks'}`;
  }
  if (verdict === 'error') {
    const notice = events.find((x) => x.type === 'notice' && x.level === 'error');
    if (notice && notice.type === 'notice') return `conformance: ${notice.message}`;
  }
  return undefined;
}

/** What an inconclusive run lacked and the flag that would let it finish, in one line. */
export function inconclusiveLine(e: RunEndEvent): string | undefined {
  if (verdictOf(e) !== 'inconclusive' || !e.blocked) return undefined;
  const n = e.blocked.must;
  return `not conclusive: ${n} MUST check${n === 1 ? '' : 's'} could not run for want of data (${e.blocked.needs.join('; ')}); to finish: ${e.blocked.remedies.join('; or ')}`;
}

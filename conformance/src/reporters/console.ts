import type { RunEvent } from '../engine/events.js';
import type { Reporter } from './types.js';

const SYMBOL = { pass: '✓', fail: '✗', skip: '○', error: '!' } as const;

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
            pending.push(`      ${tag}: ${e.message}  [${e.requirementIds.join(', ')}]`);
          }
          break;
        case 'scenario-end': {
          scenarioIndex += 1;
          const why = e.outcome === 'skip' || e.outcome === 'error' ? ` (${e.reason ?? ''})` : '';
          write(`  ${SYMBOL[e.outcome]} [${scenarioIndex}/${scenarioTotal}] ${e.scenarioId} ${e.durationMs} ms${why}`);
          for (const p of pending.splice(0)) write(p);
          break;
        }
        case 'run-end': {
          const c = e.counts;
          write(
            `\n${e.verdict === 'pass' ? 'PASS' : 'FAIL'}: ${c.pass} passed, ${c.fail} failed, ${c.warning} warnings, ${c.info} info, ${c.skip} skipped, ${c.error} suite errors in ${(e.durationMs / 1000).toFixed(1)} s`,
          );
          break;
        }
        default:
          break;
      }
    },
  };
}

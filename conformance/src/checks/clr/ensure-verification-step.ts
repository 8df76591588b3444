import type { VerificationResult } from '../../../../verification/src/index.js';
import { fail, pass, skip, type Check } from '../../engine/verdict.js';

const MAX_LISTED = 10;

/**
 * One verification step code of a VerificationResult as a verdict: any failing step with that code
 * fails (named by its code); otherwise any step the verifier could not complete is a skip with its
 * reason (never a pass); otherwise the passing steps pass.
 */
export function ensureVerificationStep(code: string, what: string): Check<VerificationResult> {
  return {
    id: 'ensure-verification-step',
    title: `${what}: ${code}`,
    run(result) {
      const steps = result.steps.filter((s) => s.code === code);
      const failed = steps.filter((s) => s.outcome === 'fail');
      if (failed.length) {
        return fail(`${code}: ${failed[0]!.message}${failed.length > 1 ? ` (+${failed.length - 1} more)` : ''}`, {
          code,
          method: result.method,
          failed: failed.slice(0, MAX_LISTED),
        });
      }
      const open = steps.filter((s) => s.outcome === 'unverifiable');
      if (open.length) return skip(`${code} not verifiable: ${open[0]!.message}`, { code, method: result.method, unverifiable: open.slice(0, MAX_LISTED) });
      if (steps.length === 0) {
        return result.steps.length === 0
          ? skip(`not verifiable: the verifier produced no steps (status ${result.status})`, { code, status: result.status })
          : skip(`no ${code} step in this verification`, { code, status: result.status });
      }
      return pass(`${code}: ${steps.length === 1 ? steps[0]!.message : `${steps.length} steps pass`}`, { code, method: result.method });
    },
  };
}

/** The step codes of a result in first-seen order: one check call each. */
export function stepCodes(result: VerificationResult): string[] {
  return [...new Set(result.steps.map((s) => s.code))];
}

import type { TriggerResult } from '../../emulators/trigger.js';
import { fail, pass, skip, type Check } from '../../engine/verdict.js';

/**
 * The candidate's command ended by itself within the wait. Its exit code and last output lines are kept
 * as evidence for the whole observation; a hanging candidate is reported, not silently cut off.
 */
export const ensureCandidateFinished: Check<TriggerResult | undefined> = {
  id: 'ensure-candidate-finished',
  title: 'the candidate finishes within the wait',
  run(trigger) {
    if (!trigger) return skip('no --trigger: the candidate was started by hand');
    const evidence = { exitCode: trigger.exitCode, signal: trigger.signal, durationMs: trigger.durationMs, lastLines: trigger.lastLines };
    if (trigger.stoppedEarly) return skip('stopped by the scenario once it had seen enough', evidence);
    if (trigger.timedOut) return fail(`still running after ${Math.round(trigger.durationMs / 1000)} s, so it was stopped`, evidence);
    return pass(`exited with code ${trigger.exitCode ?? '(none)'} after ${trigger.durationMs} ms`, evidence);
  },
};

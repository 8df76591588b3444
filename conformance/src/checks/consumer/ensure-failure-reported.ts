import type { TriggerResult } from '../../emulators/trigger.js';
import { fail, pass, skip, type Check } from '../../engine/verdict.js';

export interface ReportInput {
  /** Absent when the candidate was not started through --trigger. */
  trigger?: TriggerResult;
  /** True when the emulator refused the candidate at least once (otherwise there was nothing to report). */
  refused: boolean;
}

/** Words that name a failure in the candidate's output. */
const FAILURE_WORDS = /\b(error|fail\w*|refus\w*|reject\w*|denied|revoked|unauthori[sz]ed|invalid\w*|40[0-9]|REQUEST_VALIDATION_ERROR|BAD_REQUEST)\b/i;

/**
 * The candidate surfaced a refusal: its command exited non-zero, or it exited 0 with a final output line
 * (of stdout or of stderr) naming the failure. Only the final line counts: earlier lines (e.g. a verification summary that
 * mentions a revoked badge) say nothing about how the run ended.
 */
export const ensureFailureReported: Check<ReportInput> = {
  id: 'ensure-failure-reported',
  title: 'the candidate reports the failure',
  run({ trigger, refused }) {
    if (!trigger) return skip('no --trigger: how the candidate reports failures cannot be observed');
    if (!refused) return fail('the emulator never refused the candidate, so there was no failure to report');
    const evidence = { exitCode: trigger.exitCode, timedOut: trigger.timedOut, lastLines: trigger.lastLines.slice(-5) };
    if (trigger.timedOut || trigger.stoppedEarly) return fail('the candidate was still running when it was stopped', evidence);
    if (trigger.exitCode !== 0 && trigger.exitCode !== null) return pass(`exit code ${trigger.exitCode}`, evidence);
    // Each stream's own final line: stdout and stderr interleave in arrival order, so the merged tail cannot say which was last.
    const finals = trigger.finalLines ? Object.values(trigger.finalLines) : [trigger.lastLines.at(-1)];
    if (finals.some((l) => l !== undefined && FAILURE_WORDS.test(l))) return pass('exit code 0, and a final output line names the failure', evidence);
    return fail('exit code 0 and no final output line (stdout or stderr) names the failure', evidence);
  },
};

/** What a single check concludes. A check never knows which requirement it serves or how severe it is. */
export type Outcome = 'pass' | 'fail' | 'skip';

export interface Verdict {
  outcome: Outcome;
  /** One line, quoting field names: '"statusCode" is 401, expected 200'. */
  message: string;
  /** Structured, secret-free data: expected, actual, pointer, schema errors, ... */
  evidence?: Record<string, unknown>;
}

export interface Check<I> {
  /** Stable id, equal to the file name: 'ensure-status'. */
  id: string;
  /** What is asserted, in a few words. */
  title: string;
  run(input: I): Verdict | Promise<Verdict>;
}

export const pass = (message: string, evidence?: Record<string, unknown>): Verdict => ({
  outcome: 'pass',
  message,
  ...(evidence ? { evidence } : {}),
});
export const fail = (message: string, evidence?: Record<string, unknown>): Verdict => ({
  outcome: 'fail',
  message,
  ...(evidence ? { evidence } : {}),
});
export const skip = (message: string, evidence?: Record<string, unknown>): Verdict => ({
  outcome: 'skip',
  message,
  ...(evidence ? { evidence } : {}),
});

/** True when `value` is a well-formed verdict; anything else returned by a check is a suite bug. */
export function isVerdict(value: unknown): value is Verdict {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    (v.outcome === 'pass' || v.outcome === 'fail' || v.outcome === 'skip') &&
    typeof v.message === 'string' &&
    (v.evidence === undefined || (typeof v.evidence === 'object' && v.evidence !== null))
  );
}

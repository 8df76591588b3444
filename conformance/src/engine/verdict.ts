/** What a single check concludes. A check never knows which requirement it serves or how severe it is. */
export type Outcome = 'pass' | 'fail' | 'skip';

export interface Verdict {
  outcome: Outcome;
  /** One line, quoting field names: '"statusCode" is 401, expected 200'. */
  message: string;
  /** Structured, secret-free data: expected, actual, pointer, schema errors, ... */
  evidence?: Record<string, unknown>;
  /**
   * Only on a skip: the check could not run for want of data (a document that could not be fetched),
   * rather than not applying. `remedy` defaults to the run's own (`RunConfig.missingDataRemedy`).
   */
  blocked?: { needs: string; remedy?: string };
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

/** A skip for want of data: `needs` says what was missing (e.g. 'the signing key https://…/key'). */
export const blocked = (message: string, needs: string, evidence?: Record<string, unknown>, remedy?: string): Verdict => ({
  outcome: 'skip',
  message,
  ...(evidence ? { evidence } : {}),
  blocked: { needs, ...(remedy ? { remedy } : {}) },
});

/** True when `value` is a well-formed verdict; anything else returned by a check is a suite bug. */
export function isVerdict(value: unknown): value is Verdict {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    (v.outcome === 'pass' || v.outcome === 'fail' || v.outcome === 'skip') &&
    typeof v.message === 'string' &&
    (v.evidence === undefined || (typeof v.evidence === 'object' && v.evidence !== null)) &&
    (v.blocked === undefined || (v.outcome === 'skip' && isBlocked(v.blocked)))
  );
}

function isBlocked(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const b = value as Record<string, unknown>;
  return typeof b.needs === 'string' && (b.remedy === undefined || typeof b.remedy === 'string');
}

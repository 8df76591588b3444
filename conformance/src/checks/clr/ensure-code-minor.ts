import type { HttpExchange } from '../../engine/http.js';
import { fail, pass, skip, type Check } from '../../engine/verdict.js';
import { describeNoResponse } from '../http/describe.js';

/**
 * codeMinor values that fit an HTTP status. The usual 1EdTech pairing (clr.md §2.3, [R]) comes first;
 * the others are readings a provider may reasonably choose (CLR 1.0 has no not_found or not_allowed).
 */
const FITS: Record<number, readonly string[]> = {
  400: ['invalid_data', 'invalid_query_parameter'],
  401: ['unauthorizedrequest'],
  403: ['forbidden', 'unauthorizedrequest'],
  404: ['invalid_data', 'invalid_query_parameter'],
  405: ['invalid_data'],
  410: ['invalid_data'],
  421: ['invalid_data'],
  429: ['server_busy'],
};

export function codeMinorsFor(status: number): readonly string[] | undefined {
  if (status >= 500) return status === 503 ? ['server_busy', 'internal_server_error'] : ['internal_server_error', 'server_busy'];
  return FITS[status];
}

/** imsx_codeMinor.imsx_codeMinorField[*].imsx_codeMinorFieldValue, in order. */
export function codeMinorValues(body: unknown): string[] {
  const minor = (body as { imsx_codeMinor?: { imsx_codeMinorField?: unknown } } | undefined)?.imsx_codeMinor?.imsx_codeMinorField;
  const fields = Array.isArray(minor) ? minor : minor ? [minor] : [];
  return fields
    .map((f) => (f as { imsx_codeMinorFieldValue?: unknown } | undefined)?.imsx_codeMinorFieldValue)
    .filter((v): v is string => typeof v === 'string');
}

/**
 * The error names an imsx_codeMinor. The CLR 1.0 status schema makes it optional, so the scenario grades
 * its absence as a warning (SHOULD): without it a client cannot tell which error it got.
 */
export const ensureCodeMinorPresent: Check<HttpExchange> = {
  id: 'ensure-code-minor-present',
  title: 'imsx_codeMinor is given',
  run(x) {
    if (x.status === 0) return fail(describeNoResponse(x));
    const values = codeMinorValues(x.json());
    return values.length > 0
      ? pass(`codeMinor ${values.join(', ')} given`)
      : fail(`the ${x.status} body names no imsx_codeMinor (optional in the CLR 1.0 status schema, so a client cannot tell which error it got)`, { status: x.status });
  },
};

/**
 * The error's codeMinor, when it has one, fits its HTTP status. With `exact`, only that one value passes
 * (the scenario grades it SHOULD: the pairing is our reconstruction of the usual 1EdTech practice).
 * Absent, there is nothing to judge (skip): imsx_codeMinor is optional in the official schema.
 */
export function ensureCodeMinor(exact?: string): Check<HttpExchange> {
  return {
    id: 'ensure-code-minor',
    title: exact ? `imsx_codeMinor is ${exact}` : 'imsx_codeMinor fits the HTTP status',
    run(x) {
      if (x.status === 0) return fail(describeNoResponse(x));
      const values = codeMinorValues(x.json());
      if (values.length === 0) return skip(`the ${x.status} body names no imsx_codeMinor (optional in the CLR 1.0 status schema), so there is no value to judge`, { status: x.status });
      const allowed = exact ? [exact] : codeMinorsFor(x.status);
      if (!allowed) return skip(`no codeMinor is defined for HTTP ${x.status}; the status itself is checked elsewhere`, { status: x.status, values });
      const ok = values.find((v) => allowed.includes(v));
      return ok
        ? pass(`codeMinor ${ok} for HTTP ${x.status}`)
        : fail(`codeMinor ${values.join(', ')} on HTTP ${x.status}, expected ${allowed.join(' or ')}`, { status: x.status, actual: values, allowed });
    },
  };
}

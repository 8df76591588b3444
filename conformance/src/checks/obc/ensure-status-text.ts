import type { HttpExchange } from '../../engine/http.js';
import { fail, pass, skip, type Check } from '../../engine/verdict.js';
import { describeNoResponse } from '../http/describe.js';

/** Badge Connect operations, plus any other path under apiBase. */
export type BcEndpoint = 'getAssertions' | 'postAssertion' | 'getProfile' | 'postProfile' | 'other';

/** Why the request was refused, when the suite knows: narrows 401 to one statusText. */
export type RefusalCause = 'unauthenticated' | 'insufficient-scope';

const BAD_REQUEST_400: Record<BcEndpoint, readonly string[]> = {
  getAssertions: ['REQUEST_VALIDATION_ERROR', 'BAD_REQUEST'],
  postAssertion: ['REQUEST_VALIDATION_ERROR', 'RECIPIENT_PROFILE_MISMATCH', 'INVALID_BADGE', 'BAD_REQUEST'],
  postProfile: ['REQUEST_VALIDATION_ERROR', 'BAD_REQUEST'],
  // GET /profile has no 400 row in SPEC21's table; the generic pair is the only reasonable reading.
  getProfile: ['REQUEST_VALIDATION_ERROR', 'BAD_REQUEST'],
  other: ['REQUEST_VALIDATION_ERROR', 'BAD_REQUEST'],
};

/** The statusText values SPEC21's response table allows for an endpoint and HTTP status (undefined: no row). */
export function allowedStatusTexts(endpoint: BcEndpoint, httpStatus: number, cause?: RefusalCause): readonly string[] | undefined {
  switch (httpStatus) {
    case 200:
      return ['OK'];
    case 400:
      return BAD_REQUEST_400[endpoint];
    case 401:
      if (cause === 'unauthenticated') return ['UNAUTHENTICATED'];
      if (cause === 'insufficient-scope') return ['PERMISSION_DENIED'];
      return ['UNAUTHENTICATED', 'PERMISSION_DENIED'];
    case 403:
      // Not in SPEC21's table; RFC 6750 §3.1 puts insufficient_scope here, so accept the OB 2.1 name for it.
      return cause === 'unauthenticated' ? undefined : ['PERMISSION_DENIED'];
    case 404:
      return ['NOT_FOUND'];
    case 405:
      return ['METHOD_NOT_ALLOWED'];
    default:
      return undefined;
  }
}

/** `status.statusText` is one of the values SPEC21 allows for this endpoint and HTTP status. */
export function ensureStatusText(endpoint: BcEndpoint, cause?: RefusalCause): Check<HttpExchange> {
  return {
    id: 'ensure-status-text',
    title: `"statusText" is allowed for ${endpoint}${cause ? ` (${cause})` : ''}`,
    run(x) {
      if (x.status === 0) return fail(describeNoResponse(x));
      const body = x.json() as { status?: { statusText?: unknown } } | undefined;
      const actual = body && typeof body === 'object' ? body.status?.statusText : undefined;
      const allowed = allowedStatusTexts(endpoint, x.status, cause);
      if (!allowed) {
        return skip(`SPEC21 defines no statusText for HTTP ${x.status} here; other checks report the status itself`, {
          status: x.status,
        });
      }
      if (typeof actual !== 'string') return fail('"status.statusText" is missing', { allowed });
      return allowed.includes(actual)
        ? pass(`statusText ${actual} fits HTTP ${x.status}`)
        : fail(`"status.statusText" is ${actual}, expected ${allowed.join(' or ')} for HTTP ${x.status}`, {
            allowed,
            actual,
            status: x.status,
          });
    },
  };
}

/**
 * The provider's errors, keyed by the Badge Connect `statusText` (SPEC21 §Responses).
 * Handlers throw (or pass to `next`) an ApiError; the one error middleware renders it.
 */
export type StatusText =
  | 'OK'
  | 'REQUEST_VALIDATION_ERROR'
  | 'RECIPIENT_PROFILE_MISMATCH'
  | 'INVALID_BADGE'
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'PERMISSION_DENIED'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED';

export type ErrorStatusText = Exclude<StatusText, 'OK'>;

/** HTTP status for each statusText (OB 2.1 puts PERMISSION_DENIED under 401, not 403). */
export const HTTP_STATUS: Record<ErrorStatusText, number> = {
  REQUEST_VALIDATION_ERROR: 400,
  RECIPIENT_PROFILE_MISMATCH: 400,
  INVALID_BADGE: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 401,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
};

export class ApiError extends Error {
  readonly statusCode: number;
  constructor(
    readonly statusText: ErrorStatusText,
    /** Human-readable, safe to show the client (never echoes tokens or bodies). */
    readonly detail: string | null,
    readonly headers: Record<string, string> = {},
    /** Overrides the status for the few cases the enum has no entry for (413, 500). */
    statusCode?: number,
  ) {
    super(detail ?? statusText);
    this.statusCode = statusCode ?? HTTP_STATUS[statusText];
  }
}

const quote = (s: string) => `"${s.replace(/["\\]/g, '')}"`;

/** RFC 6750 §3 challenge. */
export function bearerChallenge(params: Record<string, string> = {}, realm = 'badgeconnect'): string {
  const parts = [`realm=${quote(realm)}`, ...Object.entries(params).map(([k, v]) => `${k}=${quote(v)}`)];
  return `Bearer ${parts.join(', ')}`;
}

export const errors = {
  missingToken: () =>
    new ApiError('UNAUTHENTICATED', 'An access token is required in the Authorization header', {
      'WWW-Authenticate': bearerChallenge(),
    }),
  tokenNotInHeader: () =>
    new ApiError('UNAUTHENTICATED', 'Access tokens are accepted only in the Authorization header', {
      'WWW-Authenticate': bearerChallenge({
        error: 'invalid_request',
        error_description: 'send the token in the Authorization header',
      }),
    }),
  invalidToken: () =>
    new ApiError('UNAUTHENTICATED', 'The access token is invalid, expired or revoked', {
      'WWW-Authenticate': bearerChallenge({ error: 'invalid_token' }),
    }),
  insufficientScope: (scope: string) =>
    new ApiError('PERMISSION_DENIED', `The access token lacks the scope ${scope}`, {
      'WWW-Authenticate': bearerChallenge({ error: 'insufficient_scope', scope }),
    }),
  notFound: () => new ApiError('NOT_FOUND', null),
  methodNotAllowed: (allow: string) =>
    new ApiError('METHOD_NOT_ALLOWED', 'This method is not supported on this path', { Allow: allow }),
  validation: (detail: string) => new ApiError('REQUEST_VALIDATION_ERROR', detail),
  badRequest: (detail: string) => new ApiError('BAD_REQUEST', detail),
  invalidBadge: (detail: string) => new ApiError('INVALID_BADGE', detail),
  recipientMismatch: (detail: string) => new ApiError('RECIPIENT_PROFILE_MISMATCH', detail),
  tooLarge: (limitBytes: number) =>
    new ApiError('BAD_REQUEST', `The request body exceeds ${limitBytes} bytes`, {}, 413),
  /**
   * Catastrophic failure: no detail reaches the client. The statusText enum has no server-error value and
   * our status schema requires one, so the generic BAD_REQUEST keeps the body valid.
   */
  internal: () => new ApiError('BAD_REQUEST', 'Internal server error', {}, 500),
};

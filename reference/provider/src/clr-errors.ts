/**
 * The CLR 1.0 API's errors, keyed by the imsx_StatusInfo codeMinor (docs/CONTRACTS.md "CLR 1.0").
 * CLR handlers throw a ClrError; the CLR error middleware renders it with `StatusInfo`.
 */
import { ApiError, bearerChallenge } from './errors.js';

export type CodeMinor =
  | 'fullsuccess'
  | 'invalid_data'
  | 'invalid_query_parameter'
  | 'unauthorizedrequest'
  | 'forbidden'
  | 'internal_server_error'
  | 'server_busy';

export type ErrorCodeMinor = Exclude<CodeMinor, 'fullsuccess'>;

export class ClrError extends Error {
  constructor(
    readonly statusCode: number,
    readonly codeMinor: ErrorCodeMinor,
    /** Human-readable, safe to show the client (never echoes tokens or bodies). */
    readonly description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
  }
}

const challenge = (params: Record<string, string> = {}) => ({ 'WWW-Authenticate': bearerChallenge(params, 'clr') });

export const clrErrors = {
  missingToken: () => new ClrError(401, 'unauthorizedrequest', 'An access token is required in the Authorization header', challenge()),
  tokenNotInHeader: () =>
    new ClrError(401, 'unauthorizedrequest', 'Access tokens are accepted only in the Authorization header', challenge({
      error: 'invalid_request',
      error_description: 'send the token in the Authorization header',
    })),
  invalidToken: () =>
    new ClrError(401, 'unauthorizedrequest', 'The access token is invalid, expired or revoked', challenge({ error: 'invalid_token' })),
  insufficientScope: (scope: string) =>
    new ClrError(403, 'forbidden', `The access token lacks the scope ${scope}`, challenge({ error: 'insufficient_scope', scope })),
  invalidData: (description: string) => new ClrError(400, 'invalid_data', description),
  invalidQuery: (description: string) => new ClrError(400, 'invalid_query_parameter', description),
  notFound: () => new ClrError(404, 'invalid_data', 'No such resource'),
  gone: () => new ClrError(410, 'invalid_data', 'This CLR has been deleted'),
  internal: () => new ClrError(500, 'internal_server_error', 'Internal server error'),
};

/**
 * Shared middlewares (body parsing, 405, introspection failures) speak Badge Connect's ApiError; the CLR
 * API answers the same situations with the codeMinor its status calls for, keeping status and headers.
 */
export function fromApiError(err: ApiError): ClrError {
  const { statusCode, detail, headers } = err;
  if (statusCode >= 500) return clrErrors.internal();
  const description = detail ?? 'The request could not be processed';
  // Badge Connect puts insufficient scope under 401; the CLR API answers it with 403.
  if (statusCode === 403 || err.statusText === 'PERMISSION_DENIED') return new ClrError(403, 'forbidden', description, headers);
  if (statusCode === 401) return new ClrError(401, 'unauthorizedrequest', description, headers);
  return new ClrError(statusCode, 'invalid_data', description, headers);
}

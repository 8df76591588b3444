import type { Answer, Family } from './types.js';

const OBC_TEXT: Record<number, string> = { 200: 'OK', 400: 'REQUEST_VALIDATION_ERROR', 401: 'UNAUTHENTICATED', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED' };
const CLR_MINOR: Record<number, string> = { 400: 'invalid_data', 401: 'unauthorizedrequest', 403: 'forbidden', 404: 'invalid_data', 405: 'invalid_data', 410: 'invalid_data' };

/** The Badge Connect status object (OB 2.1 §Response Envelope). */
export function obcStatus(status: number, error: string | null = null, statusText?: string): Record<string, unknown> {
  return { status: { statusCode: status, statusText: statusText ?? OBC_TEXT[status] ?? 'BAD_REQUEST', ...(error === null ? {} : { error }) } };
}

/** A Badge Connect error answer; PERMISSION_DENIED travels as 401, as OB 2.1's response table lists. */
export function obcError(status: number, error: string, statusText?: string): Answer {
  return { status, body: obcStatus(status, error, statusText) };
}

/** CLR 1.0 imsx_StatusInfo error answer. */
export function clrError(status: number, description: string, minor?: string): Answer {
  return { status, body: {
    imsx_codeMajor: 'failure', imsx_severity: 'error', imsx_description: description,
    imsx_codeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'TargetEndSystem', imsx_codeMinorFieldValue: minor ?? (status >= 500 ? 'internal_server_error' : (CLR_MINOR[status] ?? 'invalid_data')) }] },
  } };
}

export function familyError(family: Family, status: number, reason: string): Answer {
  return family === 'obc' ? obcError(status, reason) : clrError(status, reason);
}

import type { Response } from 'express';
import type { ErrorCodeMinor } from '../clr-errors.js';
import type { ProviderFaults } from '../faults.js';

/** System named in every codeMinor field (the CLR binding's `imsx_codeMinorFieldName`). */
export const CODE_MINOR_FIELD_NAME = 'TargetEndSystem';

/** A real codeMinor value that is wrong for the status (fault `clr-wrong-code-minor`). */
const misnamed = (c: ErrorCodeMinor): ErrorCodeMinor => (c === 'invalid_data' ? 'forbidden' : 'invalid_data');

/** Builds and sends every CLR error body (imsx_StatusInfo), so the envelope rules live in one place. */
export class StatusInfo {
  constructor(private readonly faults: ProviderFaults) {}

  static body(codeMinor: ErrorCodeMinor, description: string): Record<string, unknown> {
    return {
      imsx_codeMajor: 'failure',
      imsx_severity: 'error',
      imsx_description: description,
      imsx_codeMinor: {
        imsx_codeMinorField: [{ imsx_codeMinorFieldName: CODE_MINOR_FIELD_NAME, imsx_codeMinorFieldValue: codeMinor }],
      },
    };
  }

  error(res: Response, statusCode: number, codeMinor: ErrorCodeMinor, description: string): void {
    const minor = this.faults.has('clr-wrong-code-minor') ? misnamed(codeMinor) : codeMinor;
    let body = this.faults.has('clr-error-not-status-info')
      ? { status: { statusCode, statusText: 'BAD_REQUEST', error: description } }
      : StatusInfo.body(minor, description);
    if (this.faults.has('clr-code-minor-omitted')) {
      // Still schema-valid: the CLR 1.0 status schema makes imsx_codeMinor optional.
      const { imsx_codeMinor: _omitted, ...rest } = body as Record<string, unknown>;
      body = rest;
    }
    res.status(statusCode).type('application/json').send(JSON.stringify(body));
  }
}

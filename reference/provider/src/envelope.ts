import type { Response } from 'express';
import type { ErrorStatusText } from './errors.js';
import type { ProviderFaults } from './faults.js';

/** The Badge Connect `status` object (SPEC21 §Response Envelope). */
export interface StatusObject {
  statusCode: number;
  statusText: string;
  error: string | null;
}

/** A real enum value that is wrong for the status (fault `wrong-status-text`). */
const misnamed = (t: ErrorStatusText): ErrorStatusText => (t === 'BAD_REQUEST' ? 'NOT_FOUND' : 'BAD_REQUEST');

/** Builds and sends every Badge Connect body, so the envelope rules live in one place. */
export class Envelope {
  constructor(private readonly faults: ProviderFaults) {}

  ok(res: Response, result: Record<string, unknown> = {}): void {
    this.send(res, 200, { statusCode: 200, statusText: 'OK', error: null }, result);
  }

  error(res: Response, statusCode: number, statusText: ErrorStatusText, error: string | null): void {
    const text = this.faults.has('wrong-status-text') ? misnamed(statusText) : statusText;
    const status: StatusObject = { statusCode, statusText: text, error };
    this.send(res, statusCode, status, {});
  }

  private send(res: Response, code: number, status: StatusObject, result: Record<string, unknown>): void {
    const body = this.faults.has('envelope-missing-status') ? result : { status, ...result };
    res.status(code).type('application/json').send(JSON.stringify(body));
  }
}

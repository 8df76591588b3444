import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { ClrError, fromApiError } from '../clr-errors.js';
import type { StatusInfo } from '../clr/status-info.js';
import { toApiError } from './error-handler.js';

/** The CLR API's error middleware: every failure under the CLR base path becomes an imsx_StatusInfo body. */
export function clrErrorHandler(statusInfo: StatusInfo, log: Logger | null): ErrorRequestHandler {
  return (err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const e = err instanceof ClrError ? err : fromApiError(toApiError(err, log));
    for (const [name, value] of Object.entries(e.headers)) res.setHeader(name, value);
    statusInfo.error(res, e.statusCode, e.codeMinor, e.description);
  };
}

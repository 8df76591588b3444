import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { BODY_LIMIT_BYTES } from '../defaults.js';
import type { Envelope } from '../envelope.js';
import { ApiError, errors } from '../errors.js';
import { IntrospectionUnavailable } from '../token-verifier.js';

/** body-parser / http-errors failures carry a `type` and a 4xx `status`. */
interface HttpishError {
  type?: unknown;
  status?: unknown;
  statusCode?: unknown;
}

export function toApiError(err: unknown, log: Logger | null): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof IntrospectionUnavailable) {
    log?.warn({ reason: err.message }, 'token introspection unavailable');
    return errors.internal();
  }
  const e = (typeof err === 'object' && err !== null ? err : {}) as HttpishError;
  switch (e.type) {
    case 'entity.too.large':
      return errors.tooLarge(BODY_LIMIT_BYTES);
    case 'entity.parse.failed':
      return errors.badRequest('The body is not valid JSON');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return errors.badRequest('Unsupported body encoding or charset');
  }
  const status = Number(e.status ?? e.statusCode);
  // Other client errors from Express itself (e.g. a malformed %-escape in the path).
  if (status >= 400 && status < 500) return errors.badRequest('The request could not be understood');
  log?.error({ err: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err) }, 'unexpected error');
  return errors.internal();
}

/** The one error middleware: every failure becomes the Badge Connect envelope. */
export function errorHandler(envelope: Envelope, log: Logger | null): ErrorRequestHandler {
  return (err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const apiError = toApiError(err, log);
    for (const [name, value] of Object.entries(apiError.headers)) res.setHeader(name, value);
    envelope.error(res, apiError.statusCode, apiError.statusText, apiError.detail);
  };
}

import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';

/**
 * One log line per request: method, path without the query string (it may carry a token),
 * status and duration. Never headers or bodies.
 */
export function requestLog(log: Logger | null): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!log) return next();
    const started = process.hrtime.bigint();
    const id = randomUUID();
    // Read now: routers rewrite req.url while the request is inside them.
    const { method, path } = req;
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info(
        { reqId: id, method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10 },
        'request',
      );
    });
    next();
  };
}

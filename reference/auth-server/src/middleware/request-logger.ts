import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/**
 * One line per request: method, path without the query string (it can carry codes and state),
 * status and duration. Never a header value or a body.
 */
export function requestLogger(logger: Logger, now: () => number = () => performance.now()): RequestHandler {
  return (req, res, next) => {
    const start = now();
    res.on('finish', () => {
      logger.info(
        { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(now() - start) },
        'request',
      );
    });
    next();
  };
}

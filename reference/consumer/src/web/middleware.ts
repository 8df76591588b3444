import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Clock } from '../../../shared/clock.js';

/** Headers for every response; pages add their own Content-Security-Policy (layout.ts). */
export function securityHeaders(): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  };
}

/** One line per request: method, path without the query (callbacks carry codes), status, duration. */
export function requestLog(log: Logger | null, clock: Clock): RequestHandler {
  return (req, res, next) => {
    if (!log) return next();
    const start = clock();
    res.on('finish', () => {
      log.info({ method: req.method, path: req.path, status: res.statusCode, ms: clock() - start }, 'request');
    });
    next();
  };
}

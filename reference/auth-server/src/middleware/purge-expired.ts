import type { RequestHandler } from 'express';
import type { AppContext } from '../context.js';

/** Expired rows are purged at most this often, on the back of a request (no timers to clean up on close). */
const PURGE_INTERVAL_MS = 60_000;

export function purgeExpired(ctx: AppContext): RequestHandler {
  let lastPurge = Number.NEGATIVE_INFINITY;
  return (_req, _res, next) => {
    const now = ctx.now();
    if (now - lastPurge >= PURGE_INTERVAL_MS) {
      lastPurge = now;
      ctx.store.purgeExpired(now);
    }
    next();
  };
}

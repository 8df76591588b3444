import type { RequestHandler } from 'express';

/** Headers for every response; pages add their own Content-Security-Policy (views/layout.ts). */
export function securityHeaders(): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    // same-origin, not no-referrer: under no-referrer browsers send `Origin: null` with our own form
    // posts, which sameOriginForm must refuse; no referrer ever leaves for another site either way.
    res.setHeader('Referrer-Policy', 'same-origin');
    next();
  };
}

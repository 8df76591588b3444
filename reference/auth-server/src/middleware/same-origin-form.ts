import type { RequestHandler } from 'express';
import type { AppContext } from '../context.js';
import { PageError } from '../errors.js';

/**
 * Second line of CSRF defence for the HTML form posts (the first is the per-transaction or
 * per-session token): browsers mark cross-site posts with Sec-Fetch-Site and Origin. Clients
 * that send neither (headless test clients) pass and still need the token.
 */
export function sameOriginForm(ctx: AppContext): RequestHandler {
  const issuerOrigin = new URL(ctx.options.issuer).origin;
  return (req, _res, next) => {
    const site = req.headers['sec-fetch-site'];
    if (site === 'cross-site' || site === 'same-site') {
      throw new PageError(403, 'Request refused', 'This form was submitted from another site.');
    }
    const origin = req.headers.origin;
    if (origin !== undefined) {
      const sameAsHost = req.headers.host !== undefined && safeHost(origin) === req.headers.host.toLowerCase();
      if (origin !== issuerOrigin && !sameAsHost) {
        throw new PageError(403, 'Request refused', 'This form was submitted from another site.');
      }
    }
    next();
  };
}

function safeHost(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
}

import type { ErrorRequestHandler } from 'express';
import type { AppContext } from '../context.js';
import { reqState } from '../context.js';
import { OAuthError } from '../errors.js';
import { buildRedirect } from './redirect.js';

/**
 * Once client and redirect URI are trusted, authorization errors go back to the client
 * (RFC 6749 §4.1.2.1) with `error`, `error_description` and `state`. Anything else falls through
 * to the app's error handler (pages).
 */
export function redirectErrors(ctx: AppContext): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    const target = reqState(req).redirectTarget;
    if (!(err instanceof OAuthError) || !target || res.headersSent) return next(err);
    const location = buildRedirect(
      target.redirectUri,
      { error: err.error, error_description: err.description },
      target.state,
      ctx.options.issuer,
      ctx.faults,
    );
    res.redirect(req.method === 'GET' ? 302 : 303, location);
  };
}

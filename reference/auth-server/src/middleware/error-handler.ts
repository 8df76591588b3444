import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { reqState } from '../context.js';
import { OAuthError, PageError } from '../errors.js';
import { sendErrorPage } from '../views/error-page.js';
import { setNoStore } from './no-store.js';

/**
 * The one place errors become responses. OAuthError → RFC 6749 §5.2 JSON (401 invalid_client adds
 * `WWW-Authenticate: Basic`, §5.2); PageError → HTML page; anything else → 500 `server_error`,
 * logged by name only (messages can contain request data), never described to the caller.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const page = reqState(req).page === true;
    if (err instanceof PageError) {
      sendErrorPage(res, err.status, err.title, err.detail);
      return;
    }
    if (err instanceof OAuthError) {
      if (page) {
        sendErrorPage(res, err.status, 'Request refused', err.description);
        return;
      }
      if (err.error === 'invalid_client' && err.status === 401) {
        res.setHeader('WWW-Authenticate', 'Basic realm="oauth", charset="UTF-8"');
      }
      setNoStore(res);
      res.status(err.status).json(err.toJSON());
      return;
    }
    logger.error({ err: { type: err instanceof Error ? err.name : typeof err } }, 'unexpected error');
    if (page) {
      sendErrorPage(res, 500, 'Something went wrong', 'The server could not complete this request. Please try again.');
      return;
    }
    res.status(500).json({ error: 'server_error' });
  };
}

/** Unknown routes: a JSON 404 (RFC 6749 has no code for it; `invalid_request` names the failure). */
export function notFound(): RequestHandler {
  return (req, res) => {
    if (reqState(req).page) {
      sendErrorPage(res, 404, 'Not found', 'There is no page at this address.');
      return;
    }
    res.status(404).json({ error: 'invalid_request', error_description: 'no such endpoint' });
  };
}

/** Marks the routes below as HTML pages, so errors render as pages. */
export function pageRoutes(): RequestHandler {
  return (req, _res, next) => {
    reqState(req).page = true;
    next();
  };
}

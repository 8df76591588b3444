import type { RequestHandler } from 'express';
import { invalidRequest } from '../errors.js';
import { hasQueryString } from '../params.js';

/** Credentials and codes must not travel in URLs (RFC 6749 §3.2: POST with a form body). */
export function rejectQueryParams(): RequestHandler {
  return (req, _res, next) => {
    if (hasQueryString(req.originalUrl)) throw invalidRequest('parameters in the query string are not accepted; send a form body');
    next();
  };
}

import express, { type RequestHandler } from 'express';
import { BODY_LIMIT } from '../defaults.js';
import { payloadTooLarge } from '../errors.js';

interface BodyParserError {
  type?: string;
}

/** Wraps a body-parser so that its errors become the route's own error (413 stays 413). */
function wrap(parse: RequestHandler, invalid: () => Error): RequestHandler {
  return (req, res, next) => {
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      if ((err as BodyParserError).type === 'entity.too.large') return next(payloadTooLarge());
      next(invalid());
    });
  };
}

/**
 * `application/x-www-form-urlencoded` only (RFC 6749 §3.2, RFC 7009 §2.1, RFC 7662 §2.1); another
 * content type leaves `req.body` empty and the route reports the missing parameters. Repeated
 * parameters arrive as arrays and are refused by `readParams`.
 */
export function formBody(invalid: () => Error): RequestHandler {
  return wrap(express.urlencoded({ extended: false, limit: BODY_LIMIT, parameterLimit: 100 }), invalid);
}

/** `application/json` only; anything else leaves `req.body` undefined for the route to refuse. */
export function jsonBody(invalid: () => Error): RequestHandler {
  return wrap(express.json({ limit: BODY_LIMIT, strict: true }), invalid);
}

/** True when the request declared the form content type (the token endpoint refuses anything else). */
export function isForm(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

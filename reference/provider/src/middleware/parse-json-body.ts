import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { BODY_LIMIT_BYTES } from '../defaults.js';
import { errors } from '../errors.js';

const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * Parses a JSON body up to the size cap. Parser failures (too large, bad JSON, bad charset) reach the
 * error middleware with their body-parser `type`; a non-JSON content type is a BAD_REQUEST here.
 */
export function parseJsonBody(): RequestHandler[] {
  const parser = express.json({ limit: BODY_LIMIT_BYTES, type: JSON_TYPES, strict: false });
  const requireJson = (req: Request, _res: Response, next: NextFunction) => {
    if (!req.is(JSON_TYPES)) return next(errors.badRequest('The body must be JSON (Content-Type: application/json)'));
    next();
  };
  return [requireJson, parser];
}

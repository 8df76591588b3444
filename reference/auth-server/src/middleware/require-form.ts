import type { RequestHandler } from 'express';
import { invalidRequest } from '../errors.js';
import { isForm } from './body.js';

/** The OAuth POST endpoints take `application/x-www-form-urlencoded` bodies only. */
export function requireForm(): RequestHandler {
  return (req, _res, next) => {
    if (!isForm(req.headers['content-type'])) throw invalidRequest('body must be application/x-www-form-urlencoded');
    next();
  };
}

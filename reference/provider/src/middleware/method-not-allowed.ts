import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { errors } from '../errors.js';
import type { ProviderFaults } from '../faults.js';

/** Last handler on a known path: any other method is 405 with `Allow`. */
export function methodNotAllowed(allowed: readonly string[], faults: ProviderFaults): RequestHandler {
  const allow = [...new Set([...allowed, ...(allowed.includes('GET') ? ['HEAD'] : []), 'OPTIONS'])].join(', ');
  return (_req: Request, _res: Response, next: NextFunction) => {
    next(faults.has('no-405') ? errors.notFound() : errors.methodNotAllowed(allow));
  };
}

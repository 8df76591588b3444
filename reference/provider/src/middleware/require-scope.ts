import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { errors } from '../errors.js';
import type { ProviderFaults } from '../faults.js';
import { authOf } from './require-bearer.js';

/** 401 PERMISSION_DENIED (OB 2.1's table) with an insufficient_scope challenge when the scope is missing. */
export function requireScope(scope: string, faults: ProviderFaults): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    if (faults.has('scope-not-enforced') || authOf(res).scopes.includes(scope)) return next();
    next(errors.insufficientScope(scope));
  };
}

import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { errors } from '../errors.js';
import type { KnownFault, ProviderFaults } from '../faults.js';
import { authOf } from './require-bearer.js';

export interface ScopeRule {
  /** The fault that switches the check off. */
  fault: KnownFault;
  /** The API's insufficient-scope error. */
  deny: (scope: string) => Error;
}

/** Badge Connect: 401 PERMISSION_DENIED (OB 2.1's table) with an insufficient_scope challenge. */
const BADGE_CONNECT_RULE: ScopeRule = { fault: 'scope-not-enforced', deny: errors.insufficientScope };

/** Refuses a token whose granted scopes do not include `scope`. */
export function requireScope(scope: string, faults: ProviderFaults, rule: ScopeRule = BADGE_CONNECT_RULE): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    if (faults.has(rule.fault) || authOf(res).scopes.includes(scope)) return next();
    next(rule.deny(scope));
  };
}

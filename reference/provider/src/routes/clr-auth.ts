import type { RequestHandler } from 'express';
import { clrErrors } from '../clr-errors.js';
import type { ProviderContext } from '../context.js';
import { requireBearer } from '../middleware/require-bearer.js';
import { requireScope } from '../middleware/require-scope.js';
import { CLR_SCOPES_OFFERED } from '../scopes.js';

/** `requireBearer` then `requireScope(scope)` with the CLR's own errors: 401 unauthorizedrequest, 403 forbidden. */
export function clrProtectedBy(ctx: ProviderContext, scope: string): RequestHandler[] {
  return [
    requireBearer({
      verifier: ctx.verifier,
      faults: ctx.faults,
      userIds: ctx.users.map((u) => u.id),
      scopesOffered: CLR_SCOPES_OFFERED,
      denials: clrErrors,
      noAuthFault: 'clr-no-auth-required',
    }),
    requireScope(scope, ctx.faults, { fault: 'clr-scope-not-enforced', deny: clrErrors.insufficientScope }),
  ];
}

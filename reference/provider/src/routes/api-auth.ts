import type { RequestHandler } from 'express';
import type { ProviderContext } from '../context.js';
import { requireBearer } from '../middleware/require-bearer.js';
import { requireScope } from '../middleware/require-scope.js';
import { SCOPES_OFFERED } from '../scopes.js';

/** `requireBearer` then `requireScope(scope)`: the head of every protected pipeline. */
export function protectedBy(ctx: ProviderContext, scope: string): RequestHandler[] {
  return [
    requireBearer({
      verifier: ctx.verifier,
      faults: ctx.faults,
      userIds: ctx.users.map((u) => u.id),
      scopesOffered: SCOPES_OFFERED,
    }),
    requireScope(scope, ctx.faults),
  ];
}

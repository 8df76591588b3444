import type { Request, RequestHandler, Response } from 'express';
import type { ProviderContext } from '../context.js';
import { authOf } from '../middleware/require-bearer.js';
import { CLR_SCOPES } from '../scopes.js';
import type { StoredClr } from '../store/clrs.js';
import { clrProtectedBy } from './clr-auth.js';
import { loadClr } from './get-clr.js';

/** Marks the record deleted (its tombstone answers 410 from now on). */
function deleteRecord(ctx: ProviderContext): RequestHandler {
  return (_req: Request, res: Response) => {
    const record = res.locals.clr as StoredClr;
    if (!ctx.faults.has('clr-delete-ignored')) ctx.clrs.markDeleted(authOf(res).subject, record.clrId, ctx.clock());
    res.status(204).end();
  };
}

/** DELETE {clrBase}/clrs/{id} (operationId deleteClr): 204; an already deleted CLR is 410. */
export function deleteClr(ctx: ProviderContext): RequestHandler[] {
  return [...clrProtectedBy(ctx, CLR_SCOPES.delete), loadClr(ctx, { deleted: 'gone' }), deleteRecord(ctx)];
}

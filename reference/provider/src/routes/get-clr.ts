import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { clrErrors } from '../clr-errors.js';
import { clrIdFromParam } from '../clr/clr-id.js';
import { servedClr } from '../clr/served-clr.js';
import type { ProviderContext } from '../context.js';
import { authOf } from '../middleware/require-bearer.js';
import { CLR_SCOPES } from '../scopes.js';
import type { StoredClr } from '../store/clrs.js';
import { clrProtectedBy } from './clr-auth.js';

/** The token user's record named by the path into `res.locals.clr`: 404 when unknown, 410 when deleted. */
export function loadClr(ctx: ProviderContext, options: { deleted: 'gone' | 'serve' }): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const id = clrIdFromParam(ctx.urls, String(req.params.id));
    const record = ctx.clrs.find(authOf(res).subject, id);
    if (!record) return next(clrErrors.notFound());
    if (record.deletedAt !== null && options.deleted === 'gone') return next(clrErrors.gone());
    res.locals.clr = record;
    next();
  };
}

/** A bare Clr (for a signed record, the JWS payload), as JSON-LD when the client prefers it. */
function sendClr(ctx: ProviderContext): RequestHandler {
  return (req: Request, res: Response) => {
    const record = res.locals.clr as StoredClr;
    let doc = servedClr(ctx, record);
    // Fault clr-hosted-mismatch: the hosted copy is no longer the one listed.
    if (ctx.faults.has('clr-hosted-mismatch')) doc = { ...doc, name: `${String(doc.name ?? 'CLR')} (amended)` };
    const type = req.accepts(['application/json', 'application/ld+json']) === 'application/ld+json' ? 'application/ld+json' : 'application/json';
    res.status(200).type(type).send(JSON.stringify(doc));
  };
}

/**
 * Fault clr-not-found-returns-200: an unknown id under our getClr path answers 200 `{}`. Foreign ids
 * (posted CLRs) keep their 404, which clients read as "not stored".
 */
function emptyForUnknown(ctx: ProviderContext): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const id = clrIdFromParam(ctx.urls, String(req.params.id));
    if (id.startsWith(ctx.urls.clrPrefix) && !ctx.clrs.find(authOf(res).subject, id)) return void res.status(200).json({});
    next();
  };
}

/** GET {clrBase}/clrs/{id} (operationId getClr). */
export function getClr(ctx: ProviderContext): RequestHandler[] {
  const deleted = ctx.faults.has('clr-get-deleted-returns-200') ? 'serve' : 'gone';
  const unknown = ctx.faults.has('clr-not-found-returns-200') ? [emptyForUnknown(ctx)] : [];
  return [...clrProtectedBy(ctx, CLR_SCOPES.readonly), ...unknown, loadClr(ctx, { deleted }), sendClr(ctx)];
}

import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { clrErrors } from '../clr-errors.js';
import { corruptSignature } from '../badges/jws.js';
import { servedClr } from '../clr/served-clr.js';
import type { ProviderContext } from '../context.js';
import { ApiError } from '../errors.js';
import { authOf } from '../middleware/require-bearer.js';
import { parsePagingQuery, listPage, type PagingQuery } from '../paging.js';
import { CLR_SCOPES } from '../scopes.js';
import type { StoredClr } from '../store/clrs.js';
import { CLR_CONTEXT } from '../urls.js';
import { clrProtectedBy } from './clr-auth.js';

/** Same paging rules as GET /assertions; a malformed value is 400 invalid_query_parameter. */
function parseClrPaging(ctx: ProviderContext): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    let paging: PagingQuery;
    try {
      paging = parsePagingQuery(req.query as Record<string, unknown>);
    } catch (err) {
      // Fault clr-query-params-unchecked: a malformed query is answered with the default page instead of refused.
      if (err instanceof ApiError && ctx.faults.has('clr-query-params-unchecked')) paging = parsePagingQuery({});
      else return next(err instanceof ApiError ? clrErrors.invalidQuery(err.detail ?? 'Invalid query parameter') : err);
    }
    if (ctx.faults.has('clr-since-ignored')) paging.since = null;
    res.locals.paging = paging;
    next();
  };
}

/** One entry per CLR: signed ones in `signedClrs`, the rest in `clrs`; list faults corrupt only what is served. */
function servedForm(ctx: ProviderContext, page: StoredClr[]): { clrs: Record<string, unknown>[]; signedClrs: string[] } {
  const clrs: Record<string, unknown>[] = [];
  const signedClrs: string[] = [];
  for (const c of page) {
    if (c.jws) signedClrs.push(ctx.faults.has('clr-bad-signature') ? corruptSignature(c.jws) : c.jws);
    else clrs.push(servedClr(ctx, c));
  }
  const first = clrs[0];
  if (first && ctx.faults.has('clr-invalid-in-list')) delete first.learner;
  return { clrs, signedClrs };
}

/** Lists the user's CLRs, newest update first, with X-Total-Count and Link paging headers. */
function listClrs(ctx: ProviderContext): RequestHandler {
  return (_req: Request, res: Response) => {
    const { subject } = authOf(res);
    const paging = res.locals.paging as PagingQuery;
    const page = listPage(res, ctx.clrs, {
      userId: subject,
      paging,
      endpoint: ctx.urls.clrsEndpoint,
      faults: { duplicates: ctx.faults.has('clr-paging-duplicates'), wrongTotalCount: ctx.faults.has('clr-paging-wrong-total-count'), noLinkHeader: ctx.faults.has('clr-paging-no-link-header') },
    });
    const { clrs, signedClrs } = servedForm(ctx, page);
    const body: Record<string, unknown> = { '@context': CLR_CONTEXT, type: 'ClrSet' };
    // Lists are left out when empty (both are optional in ClrSet).
    if (clrs.length > 0) body.clrs = clrs;
    if (signedClrs.length > 0) body.signedClrs = signedClrs;
    res.status(200).type(ctx.faults.has('clr-list-not-json') ? 'text/plain' : 'application/json').send(JSON.stringify(body));
  };
}

/** GET {clrBase}/clrs (operationId getClrs). */
export function getClrs(ctx: ProviderContext): RequestHandler[] {
  return [...clrProtectedBy(ctx, CLR_SCOPES.readonly), parseClrPaging(ctx), listClrs(ctx)];
}

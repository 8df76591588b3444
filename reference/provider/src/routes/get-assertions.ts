import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { corruptSignature } from '../badges/jws.js';
import type { ProviderContext } from '../context.js';
import { DEFAULT_PAGE_SIZE } from '../defaults.js';
import { authOf } from '../middleware/require-bearer.js';
import { parsePagingQuery, listPage, type PagingQuery } from '../paging.js';
import { SCOPES } from '../scopes.js';
import type { StoredAssertion } from '../store/assertions.js';
import { protectedBy } from './api-auth.js';

/** Reads and checks the paging query into `res.locals.paging`. */
function parsePaging(ctx: ProviderContext): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const paging = parsePagingQuery(req.query as Record<string, unknown>);
    if (ctx.faults.has('limit-ignored')) paging.limit = DEFAULT_PAGE_SIZE;
    if (ctx.faults.has('since-ignored')) paging.since = null;
    res.locals.paging = paging;
    next();
  };
}

/** Applies the list faults that corrupt what is served (never what is stored). */
function servedForm(ctx: ProviderContext, page: StoredAssertion[]): { assertions: unknown[]; signedAssertions: string[] } {
  const assertions: Record<string, unknown>[] = [];
  const signedAssertions: string[] = [];
  for (const a of page) {
    if (a.jws) signedAssertions.push(ctx.faults.has('bad-signed-assertion') ? corruptSignature(a.jws) : a.jws);
    else assertions.push(structuredClone(a.json));
  }
  const first = assertions[0];
  if (first && ctx.faults.has('invalid-assertion-in-list')) delete first.recipient;
  // Schema-valid but not JSON-LD-valid: a relative @type (undefined term) fails safe-mode expansion.
  if (first && ctx.faults.has('invalid-jsonld-in-list')) first.type = ['Assertion', 'UndefinedBadgeType'];
  return { assertions, signedAssertions };
}

/** Lists the user's assertions, newest update first, with X-Total-Count and Link paging headers. */
function listAssertions(ctx: ProviderContext): RequestHandler {
  return (_req: Request, res: Response) => {
    const { subject } = authOf(res);
    const paging = res.locals.paging as PagingQuery;
    const page = listPage(res, ctx.assertions, {
      userId: subject,
      paging,
      endpoint: ctx.urls.assertionsEndpoint,
      faults: { duplicates: ctx.faults.has('paging-duplicates'), wrongTotalCount: ctx.faults.has('paging-wrong-total-count'), noLinkHeader: ctx.faults.has('paging-no-link-header') },
    });
    const { assertions, signedAssertions } = servedForm(ctx, page);
    const result: Record<string, unknown> = {};
    // Lists are left out when empty (SPEC21: optional properties).
    if (assertions.length > 0) result.assertions = assertions;
    if (signedAssertions.length > 0) result.signedAssertions = signedAssertions;
    ctx.envelope.ok(res, result);
  };
}

/** GET {apiBase}/assertions (operationId getAssertions). */
export function getAssertions(ctx: ProviderContext): RequestHandler[] {
  return [...protectedBy(ctx, SCOPES.assertionReadonly), parsePaging(ctx), listAssertions(ctx)];
}

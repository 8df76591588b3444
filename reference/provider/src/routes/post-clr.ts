import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { SchemaIds } from '../../../../schemas/src/registry.js';
import { canonicalJson } from '../badges/canonical-json.js';
import { checkPostedClr, type AcceptedClr, type ClrPayloadBody } from '../clr/check-posted-clr.js';
import { ownDocumentsFetcher } from '../clr/own-documents.js';
import type { ProviderContext } from '../context.js';
import { parseJsonBody } from '../middleware/parse-json-body.js';
import { authOf } from '../middleware/require-bearer.js';
import { validateBody } from '../middleware/validate-body.js';
import { CLR_SCOPES } from '../scopes.js';
import { CLR_CONTEXT } from '../urls.js';
import { clrProtectedBy } from './clr-auth.js';

/** Null properties may be sent and mean "absent" (as in Badge Connect). */
function dropNulls(req: Request, _res: Response, next: NextFunction): void {
  if (typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body)) {
    const body = req.body as Record<string, unknown>;
    for (const k of ['clr', 'signedClr']) if (body[k] === null) delete body[k];
  }
  next();
}

const emailsOf = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** Runs checkPostedClr for the token's user into `res.locals.accepted`. */
function checkClr(ctx: ProviderContext): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const { subject } = authOf(res);
    const profile = ctx.profiles.get(subject) ?? {};
    checkPostedClr(req.body as ClrPayloadBody, {
      urls: ctx.urls,
      faults: ctx.faults,
      clock: ctx.clock,
      fetcher: ownDocumentsFetcher(ctx, subject),
      learnerEmails: emailsOf(profile.email),
      holds: (id) => ctx.clrs.find(subject, id)?.deletedAt === null,
    }).then((accepted) => {
      res.locals.accepted = accepted;
      next();
    }, next);
  };
}

/** 201 created, 200 replaced, 304 when identical to the live stored copy; the body is the stored ClrPayload. */
function storeClr(ctx: ProviderContext): RequestHandler {
  return (_req: Request, res: Response) => {
    const { subject } = authOf(res);
    const { clr, jws } = res.locals.accepted as AcceptedClr;
    const clrId = clr.id as string;
    const before = ctx.clrs.find(subject, clrId);
    if (before && before.deletedAt === null && before.jws === jws && canonicalJson(before.json) === canonicalJson(clr)) {
      return void res.status(304).end();
    }
    let outcome: 'created' | 'replaced' = before && before.deletedAt === null ? 'replaced' : 'created';
    if (!ctx.faults.has('clr-post-not-stored')) outcome = ctx.clrs.save({ userId: subject, clrId, json: clr, jws, now: ctx.clock() });
    if (ctx.faults.has('clr-post-replace-returns-201')) outcome = 'created';
    const payload = jws ? { '@context': CLR_CONTEXT, signedClr: jws } : { '@context': CLR_CONTEXT, clr };
    res.status(outcome === 'created' ? 201 : 200).type('application/json').send(JSON.stringify(payload));
  };
}

/** POST {clrBase}/clrs (operationId postClr). */
export function postClr(ctx: ProviderContext): RequestHandler[] {
  return [
    ...clrProtectedBy(ctx, CLR_SCOPES.replace),
    ...parseJsonBody(),
    dropNulls,
    // The Clr inside is judged by checkPostedClr, which reports its own, more specific errors.
    validateBody(SchemaIds.clr.clrPayload, { deferUnder: '/clr' }),
    checkClr(ctx),
    storeClr(ctx),
  ];
}

import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { SchemaIds } from '../../../../schemas/src/registry.js';
import { recipientMatchesProfile } from '../badges/recipient.js';
import { checkPostedAssertion, type AssertionPayload } from '../badges/check-posted-assertion.js';
import { postedAssertionFetcher } from '../badges/document-fetcher.js';
import type { ProviderContext } from '../context.js';
import { errors } from '../errors.js';
import { parseJsonBody } from '../middleware/parse-json-body.js';
import { authOf } from '../middleware/require-bearer.js';
import { validateBody } from '../middleware/validate-body.js';
import { SCOPES } from '../scopes.js';
import { protectedBy } from './api-auth.js';

/** SPEC21: null properties may be sent and mean "absent". */
function dropNulls(req: Request, _res: Response, next: NextFunction): void {
  if (typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body)) {
    const body = req.body as Record<string, unknown>;
    for (const k of ['assertion', 'signedAssertion']) if (body[k] === null) delete body[k];
  }
  next();
}

/** Verifies the badge, checks it names this user, then creates or replaces the stored copy. */
function storeAssertion(ctx: ProviderContext): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const { subject } = authOf(res);
    const payload = req.body as AssertionPayload;
    checkPostedAssertion(payload, { urls: ctx.urls, key: ctx.key, clock: ctx.clock, faults: ctx.faults, fetcher: postedAssertionFetcher(ctx) })
      .then((accepted) => {
        const profile = ctx.profiles.get(subject) ?? {};
        if (!recipientMatchesProfile(accepted.assertion.recipient, profile)) {
          throw errors.recipientMismatch('The assertion recipient does not match the profile of the token\u2019s user');
        }
        if (!ctx.faults.has('post-assertion-not-stored')) {
          const id = typeof accepted.assertion.id === 'string' ? accepted.assertion.id : `urn:uuid:${randomUUID()}`;
          ctx.assertions.save(
            { userId: subject, assertionId: id, json: accepted.assertion, jws: accepted.jws, seeded: accepted.issuedHere, now: ctx.clock() },
            ctx.faults.has('post-assertion-duplicates'),
          );
        }
        ctx.envelope.ok(res);
      })
      .catch(next);
  };
}

/** POST {apiBase}/assertions (operationId postAssertion). */
export function postAssertion(ctx: ProviderContext): RequestHandler[] {
  return [
    ...protectedBy(ctx, SCOPES.assertionCreate),
    ...parseJsonBody(),
    dropNulls,
    // The embedded assertion is judged by checkPostedAssertion, which answers INVALID_BADGE.
    validateBody(SchemaIds.obc.postAssertionRequest, { deferUnder: '/assertion' }),
    storeAssertion(ctx),
  ];
}

import { Router, type Request, type Response } from 'express';
import { clrErrors } from '../clr-errors.js';
import { ownDocument } from '../clr/own-documents.js';
import type { ProviderContext } from '../context.js';
import { clrErrorHandler } from '../middleware/clr-error-handler.js';
import { methodNotAllowed } from '../middleware/method-not-allowed.js';

/**
 * The CLR publisher's public documents under /public/clr/ (publisher profile, key, revocation list,
 * endorser, hosted endorsements and assertions), so signed and hosted seed CLRs verify. Mount at /public/clr.
 */
export function clrPublicDocumentsRoute(ctx: ProviderContext): Router {
  const router = Router({ caseSensitive: true });
  router
    .route('/*path')
    .get((req: Request, res: Response) => {
      // Only the public documents: a getClr URL is never answered here (userId null).
      const doc = ownDocument(ctx, `${ctx.urls.origin}/public/clr${req.path}`, null);
      if (!doc || doc.status !== 200) throw clrErrors.notFound();
      const type = req.accepts(['application/ld+json', 'application/json']) === 'application/json' ? 'application/json' : 'application/ld+json';
      res.setHeader('Cache-Control', 'public, max-age=300');
      let body = doc.body;
      // Fault clr-embedded-hosted-mismatch: the hosted copy of a CLR's embedded assertion no longer equals it.
      if (ctx.faults.has('clr-embedded-hosted-mismatch') && /^\/assertions\/[^/]+-activity$/.test(req.path)) {
        body = { ...(body as Record<string, unknown>), narrative: 'Changed after issue: this copy differs from the one inside the CLR.' };
      }
      res.status(200).type(type).send(JSON.stringify(body));
    })
    .all(methodNotAllowed(['GET'], ctx.faults));
  router.use(clrErrorHandler(ctx.statusInfo, ctx.log));
  return router;
}

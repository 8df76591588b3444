import { Router, type NextFunction, type Request, type Response } from 'express';
import { clrErrors } from './clr-errors.js';
import type { ProviderContext } from './context.js';
import { clrErrorHandler } from './middleware/clr-error-handler.js';
import { methodNotAllowed } from './middleware/method-not-allowed.js';
import { deleteClr } from './routes/delete-clr.js';
import { getClr } from './routes/get-clr.js';
import { getClrs } from './routes/get-clrs.js';
import { getDiscoveryDocument } from './routes/get-discovery-document.js';
import { postClr } from './routes/post-clr.js';

/** The CLR 1.0 endpoints, mounted at the CLR base path; every error here is an imsx_StatusInfo body. */
export function clrRouter(ctx: ProviderContext): Router {
  const router = Router({ caseSensitive: true });
  router.route('/discovery').get(...getDiscoveryDocument(ctx)).all(methodNotAllowed(['GET'], ctx.faults));
  router.use((_req: Request, res: Response, next: NextFunction) => {
    // Per-user data behind a bearer token: never stored by caches.
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router
    .route('/clrs')
    .get(...getClrs(ctx))
    .post(...postClr(ctx))
    .all(methodNotAllowed(['GET', 'POST'], ctx.faults));
  router
    .route('/clrs/:id')
    .get(...getClr(ctx))
    .delete(...deleteClr(ctx))
    .all(methodNotAllowed(['GET', 'DELETE'], ctx.faults));
  router.use((_req: Request, _res: Response, next: NextFunction) => next(clrErrors.notFound()));
  router.use(clrErrorHandler(ctx.statusInfo, ctx.log));
  return router;
}

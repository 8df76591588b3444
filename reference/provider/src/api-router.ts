import { Router, type NextFunction, type Request, type Response } from 'express';
import type { ProviderContext } from './context.js';
import { methodNotAllowed } from './middleware/method-not-allowed.js';
import { getAssertions } from './routes/get-assertions.js';
import { getProfile } from './routes/get-profile.js';
import { postAssertion } from './routes/post-assertion.js';
import { postProfile } from './routes/post-profile.js';

/** The Badge Connect endpoints, mounted at the API base path. */
export function apiRouter(ctx: ProviderContext): Router {
  const router = Router({ caseSensitive: true });
  router.use((_req: Request, res: Response, next: NextFunction) => {
    // Per-user data behind a bearer token: never stored by caches.
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router
    .route('/assertions')
    .get(...getAssertions(ctx))
    .post(...postAssertion(ctx))
    .all(methodNotAllowed(['GET', 'POST'], ctx.faults));
  router
    .route('/profile')
    .get(...getProfile(ctx))
    .post(...postProfile(ctx))
    .all(methodNotAllowed(['GET', 'POST'], ctx.faults));
  return router;
}

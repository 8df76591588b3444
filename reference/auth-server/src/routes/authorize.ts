import { Router } from 'express';
import { checkClient } from '../authorization/check-client.js';
import { checkNoDuplicates, checkResponseType, checkState } from '../authorization/check-params.js';
import { checkPkce } from '../authorization/check-pkce.js';
import { checkRedirectUri } from '../authorization/check-redirect-uri.js';
import { checkScope } from '../authorization/check-scope.js';
import { redirectErrors } from '../authorization/redirect-errors.js';
import { renderConsent, renderLogin } from '../authorization/render-step.js';
import { startTransaction } from '../authorization/transaction.js';
import type { AppContext } from '../context.js';
import { reqState } from '../context.js';
import { pageRoutes } from '../middleware/error-handler.js';
import { loadSession } from '../middleware/load-session.js';
import { readParams } from '../params.js';
import { parseScope, formatScope } from '../scopes.js';

/**
 * GET /authorize — RFC 6749 §4.1.1 with Badge Connect's requirements, one rule per step. The first
 * two steps fail with an error page; every later step redirects its error to the client.
 */
export function authorizeRoute(ctx: AppContext): Router {
  const router = Router();
  router.get(
    '/authorize',
    pageRoutes(),
    loadSession(ctx),
    checkClient(ctx),
    checkRedirectUri(ctx),
    checkNoDuplicates(),
    checkResponseType(),
    checkState(),
    checkPkce(ctx),
    checkScope(),
    (req, res) => {
      const state = reqState(req);
      const q = readParams(req.query, ['scope', 'state', 'code_challenge', 'code_challenge_method']);
      const session = state.session;
      const open = startTransaction(ctx, {
        kind: 'authorize',
        clientId: state.client?.id ?? null,
        redirectUri: state.redirectTarget?.redirectUri ?? null,
        scope: formatScope(parseScope(q.scope ?? '') ?? []),
        state: q.state ?? null,
        codeChallenge: q.code_challenge ?? null,
        codeChallengeMethod: q.code_challenge ? (q.code_challenge_method ?? 'plain') : null,
        userId: session?.user.id ?? null,
      });
      // Already signed in: straight to consent (consent is asked every time; nothing is remembered).
      if (session) renderConsent(ctx, res, open, session.user);
      else renderLogin(ctx, res, open);
    },
  );
  router.use(redirectErrors(ctx));
  return router;
}

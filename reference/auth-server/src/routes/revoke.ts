import { Router } from 'express';
import type { AppContext } from '../context.js';
import { authenticatedClient } from '../context.js';
import { sha256 } from '../crypto.js';
import { invalidRequest } from '../errors.js';
import { formBody } from '../middleware/body.js';
import { setNoStore } from '../middleware/no-store.js';
import { rejectQueryParams } from '../middleware/reject-query-params.js';
import { requireClientAuth } from '../middleware/require-client-auth.js';
import { requireForm } from '../middleware/require-form.js';
import { readParams } from '../params.js';

/**
 * POST /revoke — RFC 7009. Revoking an access token ends that token; revoking a refresh token ends
 * the whole grant (its access tokens too, which RFC 7009 §2.1 allows and Badge Connect wants).
 * Unknown tokens answer 200 (§2.2); `token_type_hint` only changes the lookup order (§2.1).
 */
export function revokeRoute(ctx: AppContext): Router {
  const router = Router();
  router.post(
    '/revoke',
    formBody(() => invalidRequest('the form body could not be parsed')),
    requireForm(),
    rejectQueryParams(),
    requireClientAuth(ctx),
    (req, res) => {
      const client = authenticatedClient(req);
      const { token, token_type_hint: hint } = readParams(req.body, ['token', 'token_type_hint']);
      if (!token) throw invalidRequest('token is required');
      const tokenHash = sha256(token);
      const now = ctx.now();
      const lookups = hint === 'refresh_token' ? (['refresh', 'access'] as const) : (['access', 'refresh'] as const);
      for (const kind of lookups) {
        const found = kind === 'access' ? ctx.store.tokens.findAccess(tokenHash) : ctx.store.tokens.findRefresh(tokenHash);
        if (!found) continue;
        // RFC 7009 §2.1: the token must have been issued to the requesting client.
        if (found.clientId !== client.id) throw invalidRequest('the token was not issued to this client');
        if (ctx.faults.has('revocation-ignored')) break;
        if (kind === 'access') ctx.store.tokens.revokeAccess(tokenHash, now);
        else ctx.store.grants.revoke(found.grantId, now);
        break;
      }
      setNoStore(res);
      res.status(200).end();
    },
  );
  return router;
}

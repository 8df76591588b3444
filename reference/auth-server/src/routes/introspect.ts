import { Router } from 'express';
import type { AppContext } from '../context.js';
import { sha256 } from '../crypto.js';
import { invalidRequest } from '../errors.js';
import { formBody } from '../middleware/body.js';
import { setNoStore } from '../middleware/no-store.js';
import { rejectQueryParams } from '../middleware/reject-query-params.js';
import { requireForm } from '../middleware/require-form.js';
import { requireResourceServer } from '../middleware/require-resource-server.js';
import { readParams } from '../params.js';

/**
 * POST /introspect — RFC 7662 for resource servers. Only access tokens are ever active here: a
 * refresh token presented as a bearer token must not pass, so it introspects as inactive.
 */
export function introspectRoute(ctx: AppContext): Router {
  const router = Router();
  router.post(
    '/introspect',
    formBody(() => invalidRequest('the form body could not be parsed')),
    requireForm(),
    rejectQueryParams(),
    requireResourceServer(ctx),
    (req, res) => {
      const { token } = readParams(req.body, ['token', 'token_type_hint']);
      if (!token) throw invalidRequest('token is required');
      setNoStore(res);
      const now = ctx.now();
      const found = ctx.store.tokens.findAccess(sha256(token));
      const grant = found && ctx.store.grants.find(found.grantId);
      if (!found || !grant || found.revokedAt !== null || grant.revokedAt !== null || found.expiresAt <= now) {
        res.json({ active: false });
        return;
      }
      res.json({
        active: true,
        scope: found.scope,
        client_id: found.clientId,
        sub: found.userId,
        exp: Math.floor(found.expiresAt / 1000),
        iat: Math.floor(found.issuedAt / 1000),
        token_type: 'Bearer',
        iss: ctx.options.issuer,
      });
    },
  );
  return router;
}

import { Router } from 'express';
import type { AppContext } from '../context.js';
import { invalidRequest, unsupportedGrantType } from '../errors.js';
import { authorizationCodeGrant } from '../grants/authorization-code.js';
import { refreshTokenGrant } from '../grants/refresh-token.js';
import { formBody } from '../middleware/body.js';
import { rejectQueryParams } from '../middleware/reject-query-params.js';
import { requireClientAuth } from '../middleware/require-client-auth.js';
import { requireForm } from '../middleware/require-form.js';
import { readParams } from '../params.js';

/** POST /token — RFC 6749 §3.2: form body, Basic client authentication, one handler per grant type. */
export function tokenRoute(ctx: AppContext): Router {
  const router = Router();
  router.post(
    '/token',
    formBody(() => invalidRequest('the form body could not be parsed')),
    requireForm(),
    rejectQueryParams(),
    requireClientAuth(ctx),
    (req, res) => {
      const { grant_type: grantType } = readParams(req.body, ['grant_type']);
      if (!grantType) throw invalidRequest('grant_type is required');
      if (grantType === 'authorization_code') return authorizationCodeGrant(ctx, req, res);
      if (grantType === 'refresh_token') return refreshTokenGrant(ctx, req, res);
      throw unsupportedGrantType(`grant_type ${grantType} is not supported`);
    },
  );
  return router;
}

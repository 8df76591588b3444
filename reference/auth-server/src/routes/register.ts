import { Router } from 'express';
import type { AppContext } from '../context.js';
import { randomToken, sha256 } from '../crypto.js';
import { invalidClientMetadata } from '../errors.js';
import { jsonBody } from '../middleware/body.js';
import { setNoStore } from '../middleware/no-store.js';
import { validateMetadata } from '../registration/validate-metadata.js';

/** POST /register — RFC 7591 dynamic client registration with the Badge Connect rules. */
export function registerRoute(ctx: AppContext): Router {
  const router = Router();
  router.post(
    '/register',
    jsonBody(() => invalidClientMetadata('the request body must be valid JSON')),
    (req, res) => {
      if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
        throw invalidClientMetadata('the request body must be application/json');
      }
      const metadata = validateMetadata(req.body, ctx.options.scopes, ctx.faults);
      const clientId = randomToken(16);
      const clientSecret = randomToken(32);
      const issuedAt = ctx.now();
      ctx.store.clients.create({ id: clientId, secretHash: sha256(clientSecret), issuedAt, metadata });
      if (!ctx.faults.has('registration-omits-no-store')) setNoStore(res);
      res.status(201).json({
        client_id: clientId,
        client_secret: clientSecret,
        client_id_issued_at: Math.floor(issuedAt / 1000),
        // RFC 7591 §3.2.1: REQUIRED whenever a client_secret is issued (0 = never expires).
        ...(ctx.faults.has('registration-omits-secret-expiry') ? {} : { client_secret_expires_at: 0 }),
        ...metadata,
      });
    },
  );
  return router;
}

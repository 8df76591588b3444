import type { RequestHandler } from 'express';
import type { AppContext } from '../context.js';
import { reqState } from '../context.js';
import { matchesHash, sha256, randomToken } from '../crypto.js';
import { invalidClient, invalidRequest } from '../errors.js';
import { basicCredentials } from './basic-credentials.js';

/** Compared against when the client id is unknown, so unknown and known ids cost the same. */
const DUMMY_SECRET_HASH = sha256(randomToken());

/**
 * Client authentication for /token and /revoke: `client_secret_basic` only (the one method
 * Badge Connect allows). A secret in the body is refused rather than ignored, so a client using
 * `client_secret_post` learns why it fails.
 */
export function requireClientAuth(ctx: AppContext): RequestHandler {
  return (req, _res, next) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (Object.hasOwn(body, 'client_secret')) {
      throw invalidClient('client_secret in the request body is not supported; use HTTP Basic authentication');
    }
    const credentials = basicCredentials(req);
    if (credentials === undefined) throw invalidClient('client authentication required (HTTP Basic)');
    if (credentials === null) throw invalidClient('malformed HTTP Basic credentials');

    const client = ctx.store.clients.find(credentials.id);
    const secretOk = matchesHash(credentials.secret, client?.secretHash ?? DUMMY_SECRET_HASH);
    if (!client || !(secretOk || ctx.faults.has('client-auth-not-checked'))) {
      throw invalidClient('client authentication failed');
    }
    if (Object.hasOwn(body, 'client_id') && body.client_id !== client.id) {
      throw invalidRequest('client_id in the body does not match the authenticated client');
    }
    reqState(req).client = client;
    next();
  };
}

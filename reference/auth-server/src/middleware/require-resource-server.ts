import type { RequestHandler } from 'express';
import type { AppContext } from '../context.js';
import { safeEqual } from '../crypto.js';
import { invalidClient } from '../errors.js';
import { basicCredentials } from './basic-credentials.js';

/** RFC 7662 §2.1: the introspection caller must authenticate; here with a configured resource-server credential. */
export function requireResourceServer(ctx: AppContext): RequestHandler {
  return (req, _res, next) => {
    const credentials = basicCredentials(req);
    if (!credentials) throw invalidClient('resource server authentication required (HTTP Basic)');
    let ok = false;
    // Check every entry without stopping early, so timing does not reveal which id exists.
    for (const rs of ctx.options.resourceServers) {
      const match = safeEqual(credentials.id, rs.clientId) && safeEqual(credentials.secret, rs.clientSecret);
      ok = ok || match;
    }
    if (!ok) throw invalidClient('resource server authentication failed');
    next();
  };
}

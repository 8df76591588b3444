import type { RequestHandler } from 'express';
import type { AppContext } from '../context.js';
import { reqState } from '../context.js';
import { sha256 } from '../crypto.js';
import { SESSION_COOKIE } from '../defaults.js';
import { readCookie, sessionCsrf } from '../session-cookie.js';

/** Loads the signed-in user from the session cookie, if any; an unknown or expired cookie is ignored. */
export function loadSession(ctx: AppContext): RequestHandler {
  return (req, _res, next) => {
    const id = readCookie(req, SESSION_COOKIE);
    if (id && /^[A-Za-z0-9_-]{20,100}$/.test(id)) {
      const idHash = sha256(id);
      const session = ctx.store.sessions.findActive(idHash, ctx.now());
      const user = session && ctx.store.users.find(session.userId);
      if (user) reqState(req).session = { idHash, user, csrf: sessionCsrf(id) };
    }
    next();
  };
}

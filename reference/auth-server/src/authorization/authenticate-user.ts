import type { Request, Response } from 'express';
import type { AppContext } from '../context.js';
import { dummyPasswordHash, randomToken, sha256, verifyPassword } from '../crypto.js';
import { PageError } from '../errors.js';
import { readParams } from '../params.js';
import { SESSION_COOKIE } from '../defaults.js';
import { readCookie, setSessionCookie } from '../session-cookie.js';
import type { User } from '../store/users.js';

/** Checks username and password; unknown users cost the same scrypt work as wrong passwords. */
export async function checkCredentials(ctx: AppContext, req: Request): Promise<{ user?: User; username: string }> {
  const { username = '', password = '' } = readParams(req.body, ['username', 'password'], () => new PageError(400, 'Invalid request', 'The form repeats a field.'));
  const user = username.length <= 200 ? ctx.store.users.findByUsername(username) : undefined;
  const ok = await verifyPassword(password.slice(0, 1000), user?.passwordHash ?? (await dummyPasswordHash()));
  return { user: ok ? user : undefined, username };
}

/**
 * Starts a browser session: random id in the cookie, its SHA-256 in the database. Any session the
 * browser had is ended first, so an id set before sign-in never becomes authenticated (fixation).
 */
export function startSession(ctx: AppContext, req: Request, res: Response, user: User): void {
  const previous = readCookie(req, SESSION_COOKIE);
  if (previous) ctx.store.sessions.delete(sha256(previous));
  const id = randomToken();
  const now = ctx.now();
  ctx.store.sessions.create(sha256(id), user.id, now, now + ctx.options.sessionTtlSeconds * 1000);
  setSessionCookie(res, id, ctx.options.sessionTtlSeconds, ctx.options.issuer.startsWith('https:'));
}

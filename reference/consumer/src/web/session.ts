/** Sign-in session cookie, CSRF tokens and the same-origin check for form posts. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { SESSION_TTL_SECONDS } from '../defaults.js';
import type { WebContext } from './context.js';
import { PageError } from './errors.js';

export const SESSION_COOKIE = 'wallet_session';
/** Double-submit cookie that protects the sign-in form, which comes before any session. */
export const LOGIN_CSRF_COOKIE = 'wallet_login_csrf';

export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function setCookie(res: Response, name: string, value: string, maxAge: number, secure: boolean): void {
  const attrs = [`${name}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAge}`];
  if (secure) attrs.push('Secure');
  res.append('Set-Cookie', attrs.join('; '));
}

export const newSecret = () => randomBytes(32).toString('base64url');

/** CSRF token of a session: only pages rendered for this session know it. */
export const sessionCsrf = (sessionId: string) => createHash('sha256').update(`wallet-csrf:${sessionId}`).digest('base64url');

export function sameToken(a: unknown, b: string): boolean {
  if (typeof a !== 'string') return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The signed-in session id, or undefined. */
export function currentSession(ctx: WebContext, req: Request): string | undefined {
  const id = readCookie(req, SESSION_COOKIE);
  return id && ctx.sessions.isValid(id, ctx.now()) ? id : undefined;
}

export function startSession(ctx: WebContext, res: Response): string {
  const id = newSecret();
  ctx.sessions.create(id, ctx.now() + SESSION_TTL_SECONDS * 1000);
  setCookie(res, SESSION_COOKIE, id, SESSION_TTL_SECONDS, ctx.secureCookies);
  return id;
}

/** Pages behind sign-in: GETs without a session go to the sign-in page. */
export function requireSession(ctx: WebContext): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const id = currentSession(ctx, req);
    if (!id) {
      if (req.method === 'GET') return void res.redirect(303, '/');
      throw new PageError(401, 'Signed out', 'Your wallet session has ended. Sign in again and repeat what you were doing.');
    }
    res.locals.sessionId = id;
    res.locals.csrf = sessionCsrf(id);
    next();
  };
}

/** Form posts must carry the session's CSRF token and must not come from another site. */
export function checkCsrf(ctx: WebContext): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    refuseCrossSite(ctx, req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (!sameToken(body.csrf, res.locals.csrf as string)) {
      throw new PageError(403, 'Form expired', 'This form is out of date or did not come from your wallet. Go back, reload the page and try again.');
    }
    next();
  };
}

/**
 * Second line of CSRF defence (the first is the token): browsers mark posts from other sites. `Origin: null`
 * is what Chromium sends for our own forms under `Referrer-Policy: no-referrer`, so Sec-Fetch-Site decides then.
 */
export function refuseCrossSite(ctx: WebContext, req: Request): void {
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin;
  const foreignOrigin = origin !== undefined && origin !== 'null' && origin !== ctx.origin && !sameHost(origin, req.headers.host);
  if (site === 'cross-site' || site === 'same-site' || foreignOrigin) {
    throw new PageError(403, 'Request refused', 'This form was submitted from another site.');
  }
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}

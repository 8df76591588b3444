/** Public pages: the wallet's registration URLs, sign-in and sign-out, and the dashboard at `/`. */
import { Router, type Request, type Response } from 'express';
import { AUTHORIZATION_TTL_SECONDS, DEFAULT_OWNER, PATHS } from '../../defaults.js';
import type { WebContext } from '../context.js';
import { PageError } from '../errors.js';
import { WALLET_LOGO_SVG } from '../layout.js';
import {
  currentSession,
  LOGIN_CSRF_COOKIE,
  newSecret,
  readCookie,
  refuseCrossSite,
  sameToken,
  SESSION_COOKIE,
  sessionCsrf,
  setCookie,
  startSession,
} from '../session.js';
import { sendDashboard } from '../views/dashboard.js';
import { sendInfoPage, sendLoginPage } from '../views/simple-pages.js';

/** Pages anyone may fetch: a provider shows the logo and links the others on its consent page. */
export function infoPages(): Router {
  const r = Router();
  r.get(PATHS.about, (_req, res) => sendInfoPage(res, 'about'));
  r.get(PATHS.terms, (_req, res) => sendInfoPage(res, 'terms'));
  r.get(PATHS.privacy, (_req, res) => sendInfoPage(res, 'privacy'));
  r.get(PATHS.logo, (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.type('image/svg+xml').send(WALLET_LOGO_SVG);
  });
  return r;
}

function showLogin(ctx: WebContext, res: Response, status: number, error?: string, username?: string): void {
  const token = newSecret();
  setCookie(res, LOGIN_CSRF_COOKIE, token, 3600, ctx.secureCookies);
  // The default account is a public demo value, so saying it helps and hides nothing.
  const isDemo = ctx.owner.username === DEFAULT_OWNER.username && ctx.owner.password === DEFAULT_OWNER.password;
  const demoHint = isDemo ? `Demo account: ${DEFAULT_OWNER.username} / ${DEFAULT_OWNER.password}` : undefined;
  sendLoginPage(res, status, { csrf: token, ...(error ? { error } : {}), ...(username ? { username } : {}), ...(demoHint ? { demoHint } : {}) });
}

export function dashboardAndLogin(ctx: WebContext): Router {
  const r = Router();
  r.get('/', (req: Request, res: Response) => {
    const id = currentSession(ctx, req);
    if (!id) return showLogin(ctx, res, 200);
    ctx.connections.deleteStaleAuthorizing(ctx.now() - AUTHORIZATION_TTL_SECONDS * 1000);
    const flash = ctx.sessions.takeFlash(id);
    const [kind, text] = flash ? [flash.slice(0, 1), flash.slice(2)] : [null, null];
    sendDashboard(res, 200, {
      csrf: sessionCsrf(id),
      connections: ctx.connections.list(),
      records: ctx.records.list(),
      notice: kind === '+' ? text : null,
      error: kind === '!' ? text : null,
    });
  });

  r.post('/login', (req: Request, res: Response) => {
    refuseCrossSite(ctx, req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const cookie = readCookie(req, LOGIN_CSRF_COOKIE);
    if (!cookie || !sameToken(body.csrf, cookie)) {
      throw new PageError(403, 'Form expired', 'The sign-in form is out of date. Go back, reload the page and sign in again.');
    }
    const username = typeof body.username === 'string' ? body.username.slice(0, 200) : '';
    const ok = sameToken(username, ctx.owner.username) && sameToken(body.password, ctx.owner.password);
    if (!ok) {
      ctx.log?.info('wallet sign-in refused');
      return showLogin(ctx, res, 401, 'The username or password is not right.', username);
    }
    setCookie(res, LOGIN_CSRF_COOKIE, '', 0, ctx.secureCookies);
    startSession(ctx, res);
    res.redirect(303, '/');
  });

  r.post('/logout', (req: Request, res: Response) => {
    refuseCrossSite(ctx, req);
    const id = currentSession(ctx, req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (id && sameToken(body.csrf, sessionCsrf(id))) ctx.sessions.delete(id);
    else if (id) throw new PageError(403, 'Form expired', 'Reload the page and try signing out again.');
    setCookie(res, SESSION_COOKIE, '', 0, ctx.secureCookies);
    res.redirect(303, '/');
  });
  return r;
}

/** Flash messages: `+` for a notice, `!` for an error. */
export const flash = (ctx: WebContext, res: Response, ok: boolean, text: string) =>
  ctx.sessions.setFlash(res.locals.sessionId as string, `${ok ? '+' : '!'} ${text}`);

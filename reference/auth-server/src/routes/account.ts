import { Router, type Request, type Response } from 'express';
import { checkCredentials, startSession } from '../authorization/authenticate-user.js';
import { loadTransaction, startTransaction, type OpenTransaction } from '../authorization/transaction.js';
import type { AppContext, SessionInfo } from '../context.js';
import { reqState } from '../context.js';
import { safeEqual } from '../crypto.js';
import { PageError } from '../errors.js';
import { formBody } from '../middleware/body.js';
import { pageRoutes } from '../middleware/error-handler.js';
import { loadSession } from '../middleware/load-session.js';
import { sameOriginForm } from '../middleware/same-origin-form.js';
import { readParams } from '../params.js';
import { clearSessionCookie } from '../session-cookie.js';
import { sendAccountPage } from '../views/account-page.js';
import { sendLoginPage } from '../views/login-page.js';

const badForm = () => new PageError(400, 'Invalid request', 'The form could not be read.');

function renderAccountLogin(res: Response, open: OpenTransaction, status = 200, error?: string, username?: string): void {
  sendLoginPage(res, status, {
    action: '/account/login',
    transaction: open.id,
    csrf: open.csrf,
    heading: 'Sign in to your account',
    intro: 'Sign in to see and revoke the applications you have authorized.',
    error,
    username,
  });
}

/** The signed-in session whose CSRF token the form carries; otherwise a 403 page. */
function requireSessionForm(req: Request): SessionInfo {
  const session = reqState(req).session;
  const { csrf } = readParams(req.body, ['csrf'], badForm);
  if (!session || !csrf || !safeEqual(csrf, session.csrf)) {
    throw new PageError(403, 'Please sign in again', 'Your session has ended or this form is out of date.');
  }
  return session;
}

/**
 * GET /account, POST /account/login, /account/logout, /account/revoke — the resource owner's list
 * of authorized clients, each revocable (OB 2.1 §Revocation by Resource Owner).
 */
export function accountRoute(ctx: AppContext): Router {
  const router = Router();
  const secure = ctx.options.issuer.startsWith('https:');
  const formPost = [pageRoutes(), sameOriginForm(ctx), formBody(badForm), loadSession(ctx)];

  router.get('/account', pageRoutes(), loadSession(ctx), (req, res) => {
    const session = reqState(req).session;
    if (!session) {
      const open = startTransaction(ctx, {
        kind: 'account', clientId: null, redirectUri: null, scope: null, state: null, codeChallenge: null, codeChallengeMethod: null, userId: null,
      });
      renderAccountLogin(res, open);
      return;
    }
    const notice = req.query.revoked === '1' ? 'Access revoked.' : undefined;
    sendAccountPage(res, { userName: session.user.name, csrf: session.csrf, grants: ctx.store.grants.listActiveForUser(session.user.id, ctx.now()), notice });
  });

  router.post('/account/login', ...formPost, async (req, res) => {
    const open = loadTransaction(ctx, req, 'account');
    const { user, username } = await checkCredentials(ctx, req);
    if (!user) {
      const failures = ctx.store.transactions.recordFailedLogin(open.tx.idHash);
      if (failures >= ctx.options.maxLoginAttempts) {
        ctx.store.transactions.delete(open.tx.idHash);
        throw new PageError(400, 'Too many attempts', 'Please reload the account page and try again.');
      }
      renderAccountLogin(res, open, 401, 'Incorrect username or password.', username);
      return;
    }
    ctx.store.transactions.delete(open.tx.idHash);
    startSession(ctx, req, res, user);
    res.redirect(303, '/account');
  });

  router.post('/account/logout', ...formPost, (req, res) => {
    const session = requireSessionForm(req);
    ctx.store.sessions.delete(session.idHash);
    clearSessionCookie(res, secure);
    res.redirect(303, '/account');
  });

  router.post('/account/revoke', ...formPost, (req, res) => {
    const session = requireSessionForm(req);
    const { grant: grantId } = readParams(req.body, ['grant'], badForm);
    const grant = grantId ? ctx.store.grants.find(grantId) : undefined;
    if (!grant || grant.userId !== session.user.id) throw new PageError(404, 'Not found', 'There is no such authorization.');
    ctx.store.grants.revoke(grant.id, ctx.now());
    res.redirect(303, '/account?revoked=1');
  });

  return router;
}

import { Router } from 'express';
import { checkCredentials, startSession } from '../authorization/authenticate-user.js';
import { renderConsent, renderLogin } from '../authorization/render-step.js';
import { loadTransaction } from '../authorization/transaction.js';
import type { AppContext } from '../context.js';
import { PageError } from '../errors.js';
import { formBody } from '../middleware/body.js';
import { pageRoutes } from '../middleware/error-handler.js';
import { sameOriginForm } from '../middleware/same-origin-form.js';

const badForm = () => new PageError(400, 'Invalid request', 'The form could not be read.');

/** POST /authorize/login — fields `username`, `password`, hidden `transaction`, `csrf`; answers with the consent page. */
export function authorizeLoginRoute(ctx: AppContext): Router {
  const router = Router();
  router.post('/authorize/login', pageRoutes(), sameOriginForm(ctx), formBody(badForm), async (req, res) => {
    const open = loadTransaction(ctx, req, 'authorize');
    const { user, username } = await checkCredentials(ctx, req);
    if (!user) {
      const failures = ctx.store.transactions.recordFailedLogin(open.tx.idHash);
      if (failures >= ctx.options.maxLoginAttempts) {
        ctx.store.transactions.delete(open.tx.idHash);
        throw new PageError(400, 'Too many attempts', 'Please go back to the application and start again.');
      }
      renderLogin(ctx, res, open, 401, 'Incorrect username or password.', username);
      return;
    }
    startSession(ctx, req, res, user);
    ctx.store.transactions.setUser(open.tx.idHash, user.id);
    renderConsent(ctx, res, { ...open, tx: { ...open.tx, userId: user.id } }, user);
  });
  return router;
}

import { Router } from 'express';
import { buildRedirect } from '../authorization/redirect.js';
import { redirectErrors } from '../authorization/redirect-errors.js';
import { loadTransaction } from '../authorization/transaction.js';
import type { AppContext } from '../context.js';
import { reqState } from '../context.js';
import { randomToken, sha256 } from '../crypto.js';
import { accessDenied, PageError } from '../errors.js';
import { formBody } from '../middleware/body.js';
import { pageRoutes } from '../middleware/error-handler.js';
import { loadSession } from '../middleware/load-session.js';
import { sameOriginForm } from '../middleware/same-origin-form.js';
import { readParams } from '../params.js';

const badForm = () => new PageError(400, 'Invalid request', 'The form could not be read.');

/**
 * POST /authorize/consent — hidden `transaction`, `csrf`; button `decision` = `approve` | `deny`.
 * Approve issues a single-use code bound to client, user, redirect URI, scope and PKCE challenge.
 */
export function authorizeConsentRoute(ctx: AppContext): Router {
  const router = Router();
  router.post(
    '/authorize/consent',
    pageRoutes(),
    sameOriginForm(ctx),
    formBody(badForm),
    loadSession(ctx),
    (req, res) => {
      const { tx } = loadTransaction(ctx, req, 'authorize');
      const session = reqState(req).session;
      // The user was fixed at sign-in; a different signed-in browser session must not approve it.
      if (!tx.userId || (session && session.user.id !== tx.userId)) {
        throw new PageError(400, 'This page has expired', 'Please go back to the application and start again.');
      }
      const { decision } = readParams(req.body, ['decision'], badForm);
      if (decision !== 'approve' && decision !== 'deny') throw new PageError(400, 'Invalid request', 'Choose Allow or Deny.');
      if (!tx.clientId || !tx.redirectUri || !tx.scope) throw badForm();

      // Single use: the transaction is gone whichever way the user decided.
      ctx.store.transactions.delete(tx.idHash);
      reqState(req).redirectTarget = { redirectUri: tx.redirectUri, state: tx.state ?? undefined };
      if (decision === 'deny') throw accessDenied('the user denied the request');

      const code = randomToken();
      const now = ctx.now();
      ctx.store.codes.create({
        codeHash: sha256(code),
        clientId: tx.clientId,
        userId: tx.userId,
        redirectUri: tx.redirectUri,
        scope: tx.scope,
        codeChallenge: tx.codeChallenge,
        codeChallengeMethod: tx.codeChallengeMethod,
        createdAt: now,
        expiresAt: now + ctx.options.codeTtlSeconds * 1000,
      });
      res.redirect(303, buildRedirect(tx.redirectUri, { code }, tx.state ?? undefined, ctx.options.issuer, ctx.faults));
    },
  );
  router.use(redirectErrors(ctx));
  return router;
}

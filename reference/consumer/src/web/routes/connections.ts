/** Adding a provider, its authorization callback, syncing and disconnecting. */
import { Router, type NextFunction, type Request, type Response } from 'express';
import { ProviderError } from '../../client/http.js';
import { AUTHORIZATION_TTL_SECONDS, PATHS } from '../../defaults.js';
import type { WebContext } from '../context.js';
import { PageError } from '../errors.js';
import { checkCsrf, requireSession } from '../session.js';
import { sendConnectPage } from '../views/connect-page.js';
import { sendDashboard } from '../views/dashboard.js';
import { flash } from './public-pages.js';

type Async = (req: Request, res: Response) => Promise<void>;
const wrap = (fn: Async) => (req: Request, res: Response, next: NextFunction) => void fn(req, res).catch(next);

export function connectionRoutes(ctx: WebContext): Router {
  const r = Router();
  const guard = [requireSession(ctx), checkCsrf(ctx)];

  r.post('/connections', ...guard, wrap(async (req, res) => {
    const url = typeof req.body?.url === 'string' ? req.body.url.trim().slice(0, 2000) : '';
    const csrf = res.locals.csrf as string;
    const again = (error: string) =>
      sendDashboard(res, 400, { csrf, connections: ctx.connections.list(), records: ctx.records.list(), error, url });
    if (!url) return again('Enter the address of a provider.');
    try {
      const { connection, authorizationUrl, pending } = await ctx.wallet.addProvider(url);
      ctx.sessions.startAuthorization(res.locals.sessionId as string, connection.id, pending, ctx.now());
      sendConnectPage(res, { description: connection.description, scope: pending.scope, authorizationUrl, csrf });
    } catch (err) {
      if (!(err instanceof ProviderError)) throw err;
      again(`Could not add this provider: ${err.message}`);
    }
  }));

  r.get(PATHS.callback, requireSession(ctx), wrap(async (req, res) => {
    const notBefore = ctx.now() - AUTHORIZATION_TTL_SECONDS * 1000;
    const started = ctx.sessions.takeAuthorization(res.locals.sessionId as string, notBefore);
    if (!started) {
      throw new PageError(400, 'No connection in progress', 'The wallet did not start a sign-in that this answer could belong to (or it took too long). Add the provider again.');
    }
    let name = 'the provider';
    try {
      const connection = await ctx.wallet.completeAuthorization(started.connectionId, started.pending, req.query as Record<string, unknown>);
      name = connection.description.name;
      const summary = await ctx.wallet.sync(connection.id);
      flash(ctx, res, true, `Connected to ${name}: ${summary.records} record${summary.records === 1 ? '' : 's'} received.`);
      res.redirect(303, '/');
    } catch (err) {
      if (!(err instanceof ProviderError)) throw err;
      // A half-made connection (no tokens) is useless: drop it so the person can start again.
      const c = ctx.connections.get(started.connectionId);
      if (c && c.status !== 'connected') ctx.connections.delete(c.id);
      throw new PageError(400, `Could not connect ${name === 'the provider' ? 'the provider' : name}`, err.message);
    }
  }));

  r.post('/connections/:id/sync', ...guard, wrap(async (req, res) => {
    const connection = ctx.wallet.require(String(req.params.id));
    try {
      const s = await ctx.wallet.sync(connection.id);
      flash(ctx, res, true, `${connection.description.name}: ${s.records} record${s.records === 1 ? '' : 's'} synced.`);
    } catch (err) {
      if (!(err instanceof ProviderError)) throw err;
      flash(ctx, res, false, `${connection.description.name}: ${err.message}`);
    }
    res.redirect(303, '/');
  }));

  r.post('/connections/:id/disconnect', ...guard, wrap(async (req, res) => {
    const connection = ctx.wallet.require(String(req.params.id));
    const detail = await ctx.wallet.disconnect(connection.id);
    flash(ctx, res, true, `Disconnected ${connection.description.name}: ${detail}.`);
    res.redirect(303, '/');
  }));
  return r;
}

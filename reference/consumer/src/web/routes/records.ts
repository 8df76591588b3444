/** The details page of one record and sending a badge to another provider. */
import { Router, type NextFunction, type Request, type Response } from 'express';
import { ProviderError } from '../../client/http.js';
import type { WebContext } from '../context.js';
import { PageError } from '../errors.js';
import { checkCsrf, requireSession } from '../session.js';
import { sendRecordPage } from '../views/record-page.js';

type Async = (req: Request, res: Response) => Promise<void>;
const wrap = (fn: Async) => (req: Request, res: Response, next: NextFunction) => void fn(req, res).catch(next);

export function recordRoutes(ctx: WebContext): Router {
  const r = Router();

  const show = (res: Response, status: number, localId: string, message?: { ok: boolean; text: string }) => {
    const record = ctx.records.get(localId);
    if (!record) throw new PageError(404, 'Record not found', 'This record is not in your wallet (its provider may have been disconnected).');
    const connections = ctx.connections.list();
    const targets = connections.filter((c) => c.id !== record.connectionId && c.status === 'connected' && c.description.kind === 'badge-connect');
    sendRecordPage(res, status, {
      csrf: res.locals.csrf as string,
      record,
      source: connections.find((c) => c.id === record.connectionId) ?? null,
      targets,
      connections,
      notice: message?.ok ? message.text : null,
      error: message && !message.ok ? message.text : null,
    });
  };

  r.get('/records/:id', requireSession(ctx), (req, res) => show(res, 200, String(req.params.id)));

  r.post('/records/:id/send', requireSession(ctx), checkCsrf(ctx), wrap(async (req, res) => {
    const localId = String(req.params.id);
    const target = typeof req.body?.target === 'string' ? req.body.target : '';
    const connection = ctx.connections.get(target);
    if (!connection) return show(res, 400, localId, { ok: false, text: 'Choose a connected provider to send the badge to.' });
    try {
      const result = await ctx.wallet.send(localId, connection.id);
      // Show the sent badge under its new provider too; a failed refresh there does not undo the send.
      if (result.accepted) await ctx.wallet.sync(connection.id).catch(() => undefined);
      show(res, result.accepted ? 200 : 502, localId, {
        ok: result.accepted,
        text: result.accepted ? `Sent to ${connection.description.name}: ${result.detail}.` : `Not sent to ${connection.description.name}: ${result.detail}.`,
      });
    } catch (err) {
      if (!(err instanceof ProviderError)) throw err;
      show(res, 502, localId, { ok: false, text: `Not sent to ${connection.description.name}: ${err.message}` });
    }
  }));
  return r;
}

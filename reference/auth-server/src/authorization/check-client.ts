import type { RequestHandler } from 'express';
import type { AppContext } from '../context.js';
import { reqState } from '../context.js';
import { PageError } from '../errors.js';
import { readParams } from '../params.js';

/** client_id, redirect_uri and state decide where errors may go, so a repeated one gets a page. */
export const duplicateTrustParam = () => new PageError(400, 'Invalid request', 'The request repeats client_id, redirect_uri or state.');

/** Unknown client: show an error page; redirecting would trust an unverified URI (RFC 6749 §4.1.2.1). */
export function checkClient(ctx: AppContext): RequestHandler {
  return (req, _res, next) => {
    const { client_id: clientId } = readParams(req.query, ['client_id'], duplicateTrustParam);
    if (!clientId) throw new PageError(400, 'Invalid request', 'The request does not name an application (client_id is missing).');
    const client = ctx.store.clients.find(clientId);
    if (!client) throw new PageError(400, 'Unknown application', 'The application that sent you here is not registered with this server.');
    reqState(req).client = client;
    next();
  };
}

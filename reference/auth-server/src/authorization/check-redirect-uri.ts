import type { RequestHandler } from 'express';
import type { AppContext } from '../context.js';
import { reqState } from '../context.js';
import { PageError } from '../errors.js';
import { readParams } from '../params.js';
import { duplicateTrustParam } from './check-client.js';

/**
 * The redirect URI must be given (Badge Connect requires it) and equal a registered one exactly
 * (string comparison, no normalisation). Otherwise an error page, never a redirect. From here on,
 * errors redirect to the client.
 */
export function checkRedirectUri(ctx: AppContext): RequestHandler {
  return (req, _res, next) => {
    const state = reqState(req);
    const client = state.client;
    if (!client) throw new Error('checkRedirectUri needs checkClient first');
    const params = readParams(req.query, ['redirect_uri', 'state'], duplicateTrustParam);
    const redirectUri = params.redirect_uri;
    if (!redirectUri) throw new PageError(400, 'Invalid request', 'The request has no redirect_uri.');
    const registered = client.metadata.redirect_uris.includes(redirectUri);
    if (!registered && !(ctx.faults.has('redirect-to-unregistered-uri') && isHttpUrl(redirectUri))) {
      throw new PageError(400, 'Invalid redirect URI', 'The redirect_uri is not registered for this application.');
    }
    state.redirectTarget = { redirectUri, state: params.state };
    next();
  };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

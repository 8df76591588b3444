import type { RequestHandler } from 'express';
import { sendErrorPage } from '../views/error-page.js';

/** 405 with `Allow` for a known path used with another method (instead of a misleading 404). */
export function methodNotAllowed(allowed: readonly string[], page: boolean): RequestHandler {
  return (_req, res) => {
    res.setHeader('Allow', allowed.join(', '));
    if (page) {
      sendErrorPage(res, 405, 'Method not allowed', `This address accepts ${allowed.join(', ')} only.`);
      return;
    }
    res.status(405).json({ error: 'invalid_request', error_description: `method not allowed; use ${allowed.join(', ')}` });
  };
}

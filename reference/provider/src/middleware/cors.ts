import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Browser consumers call the API cross-origin with bearer tokens (no cookies), so any origin may read
 * the responses; paging headers are exposed so a browser client can page.
 */
export function cors(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'Link, X-Total-Count, WWW-Authenticate, ETag');
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, If-None-Match');
      res.setHeader('Access-Control-Max-Age', '600');
      res.status(204).end();
      return;
    }
    next();
  };
}

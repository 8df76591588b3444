import { Router, type Response } from 'express';
import type { ProviderContext } from '../context.js';
import { PROVIDER_NAME } from '../defaults.js';
import { methodNotAllowed } from '../middleware/method-not-allowed.js';

function page(res: Response, title: string, paragraphs: string[]): void {
  const body = paragraphs.map((p) => `<p>${p}</p>`).join('\n');
  res
    .status(200)
    .type('text/html; charset=utf-8')
    .send(`<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>\n<body><h1>${title}</h1>\n${body}\n</body></html>\n`);
}

/** Terms of service and privacy policy pages linked from the manifest. */
export function sitePagesRoute(ctx: ProviderContext): Router {
  const router = Router();
  const readOnly = methodNotAllowed(['GET'], ctx.faults);
  router
    .route('/terms')
    .get((_req, res) =>
      page(res, `${PROVIDER_NAME}: terms of service`, [
        'This is a reference implementation for conformance testing. It holds demonstration data only.',
        'There is no warranty and no service level. Do not store real personal data here.',
      ]),
    )
    .all(readOnly);
  router
    .route('/privacy')
    .get((_req, res) =>
      page(res, `${PROVIDER_NAME}: privacy policy`, [
        'The provider stores the demo accounts\u2019 profiles and badges in a local database.',
        'Request logs record method, path, status and timing only: never tokens, headers or bodies.',
      ]),
    )
    .all(readOnly);
  return router;
}

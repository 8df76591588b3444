import { Router, type Request, type Response } from 'express';
import {
  badgeClass,
  badgeSvg,
  cryptographicKey,
  issuerProfile,
  LOGO_SVG,
  revocationList,
} from '../badges/public-documents.js';
import type { ProviderContext } from '../context.js';
import { errors } from '../errors.js';
import { methodNotAllowed } from '../middleware/method-not-allowed.js';
import { findBadge } from '../seed/catalog.js';

/** OB 2.0 documents as `application/ld+json`, or `application/json` when that is all the client accepts (SPEC20). */
function sendLd(req: Request, res: Response, doc: unknown): void {
  const type = req.accepts(['application/ld+json', 'application/json']) === 'application/json' ? 'application/json' : 'application/ld+json';
  res.setHeader('Cache-Control', 'public, max-age=300');
  res.status(200).type(type).send(JSON.stringify(doc));
}

function sendSvg(res: Response, svg: string): void {
  res.setHeader('Cache-Control', 'public, max-age=86400');
  res.status(200).type('image/svg+xml').send(svg);
}

/** The issuer's public documents, so hosted and signed seed assertions verify (SPEC20 §HostedBadge, §SignedBadge). */
export function publicDocumentsRoute(ctx: ProviderContext): Router {
  const { urls, key } = ctx;
  const router = Router();
  const readOnly = methodNotAllowed(['GET'], ctx.faults);

  router.route('/public/issuer').get((req, res) => sendLd(req, res, issuerProfile(urls, key))).all(readOnly);
  router.route('/public/revocations').get((req, res) => sendLd(req, res, revocationList(urls))).all(readOnly);
  router.route('/public/logo.svg').get((_req, res) => sendSvg(res, LOGO_SVG)).all(readOnly);

  router
    .route('/public/keys/:kid')
    .get((req, res) => {
      if (req.params.kid !== key.kid) throw errors.notFound();
      sendLd(req, res, cryptographicKey(urls, key));
    })
    .all(readOnly);

  router
    .route('/public/badges/:slug')
    .get((req, res) => {
      const badge = findBadge(req.params.slug);
      if (!badge) throw errors.notFound();
      sendLd(req, res, badgeClass(urls, badge));
    })
    .all(readOnly);

  router
    .route('/public/images/:file')
    .get((req, res) => {
      const badge = req.params.file.endsWith('.svg') ? findBadge(req.params.file.slice(0, -4)) : undefined;
      if (!badge) throw errors.notFound();
      sendSvg(res, badgeSvg(badge));
    })
    .all(readOnly);

  router
    .route('/public/assertions/:slug')
    .get((req, res) => {
      // Only assertions we issued are hosted here; the stored issued copy is the authoritative one.
      const issued = ctx.assertions.findSeeded(urls.hostedAssertion(req.params.slug));
      if (!issued || issued.jws) throw errors.notFound();
      sendLd(req, res, issued.json);
    })
    .all(readOnly);

  return router;
}

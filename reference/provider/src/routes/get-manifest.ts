import { createHash } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { CONTEXT_URLS } from '../../../../schemas/src/jsonld.js';
import type { ProviderContext } from '../context.js';
import { MANIFEST_CACHE_CONTROL, PROVIDER_NAME } from '../defaults.js';
import { methodNotAllowed } from '../middleware/method-not-allowed.js';
import { SCOPES_OFFERED } from '../scopes.js';

/** The Badge Connect manifest (SPEC21 §Manifest); fixed for the life of the app. */
export function buildManifest(ctx: ProviderContext): Record<string, unknown> {
  const { urls, authServer, faults } = ctx;
  const api: Record<string, unknown> = {
    type: 'BadgeConnectAPI',
    name: PROVIDER_NAME,
    image: urls.logo,
    apiBase: faults.has('manifest-bad-api-base') ? `${urls.origin}/api/` : urls.apiBase,
    version: faults.has('manifest-wrong-version') ? 'v1p0' : 'v2p1',
    termsOfServiceUrl: urls.terms,
    privacyPolicyUrl: urls.privacy,
    scopesOffered: [...SCOPES_OFFERED],
    registrationUrl: authServer.registrationUrl,
    authorizationUrl: authServer.authorizationUrl,
    tokenUrl: authServer.tokenUrl,
    tokenRevocationUrl: authServer.revocationUrl,
  };
  if (faults.has('manifest-missing-token-url')) delete api.tokenUrl;
  return { '@context': CONTEXT_URLS.obc21, id: urls.manifest, type: 'Manifest', badgeConnectAPI: [api] };
}

/** True when an If-None-Match list names this entity tag (weak comparison, RFC 9110 §13.1.2). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** GET /.well-known/badgeconnect.json — public, cacheable, revalidated with ETag / If-None-Match. */
export function getManifestRoute(ctx: ProviderContext): Router {
  const body = JSON.stringify(buildManifest(ctx));
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const router = Router();
  router
    .route('/.well-known/badgeconnect.json')
    .get((req: Request, res: Response) => {
      res.setHeader('Cache-Control', MANIFEST_CACHE_CONTROL);
      res.setHeader('ETag', etag);
      if (matches(req.headers['if-none-match'], etag)) return void res.status(304).end();
      res.status(200).type('application/json').send(body);
    })
    .all(methodNotAllowed(['GET'], ctx.faults));
  return router;
}

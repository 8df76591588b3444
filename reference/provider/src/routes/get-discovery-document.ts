import type { Request, RequestHandler, Response } from 'express';
import { CLR_PROVIDER_NAME, DISCOVERY_CACHE_CONTROL } from '../defaults.js';
import type { ProviderContext } from '../context.js';
import { CLR_SCOPES, CLR_SCOPES_OFFERED } from '../scopes.js';
import { CLR_CONTEXT } from '../urls.js';

/** The flat CLR 1.0 discovery document (clr.md §3); fixed for the life of the app. */
export function buildDiscoveryDocument(ctx: ProviderContext): Record<string, unknown> {
  const { urls, authServer, faults } = ctx;
  const doc: Record<string, unknown> = {
    '@context': CLR_CONTEXT,
    name: CLR_PROVIDER_NAME,
    image: urls.logo,
    authorizationUrl: authServer.authorizationUrl,
    tokenUrl: authServer.tokenUrl,
    registrationUrl: authServer.registrationUrl,
    scopesOffered: faults.has('clr-discovery-missing-scope') ? CLR_SCOPES_OFFERED.filter((sc) => sc !== CLR_SCOPES.delete) : [...CLR_SCOPES_OFFERED],
    privacyPolicyUrl: urls.privacy,
    termsOfServiceUrl: urls.terms,
  };
  if (faults.has('clr-discovery-missing-token-url')) delete doc.tokenUrl;
  return doc;
}

/** GET {clrBase}/discovery (operationId getDiscoveryDocument): public, cacheable. */
export function getDiscoveryDocument(ctx: ProviderContext): RequestHandler[] {
  const body = JSON.stringify(buildDiscoveryDocument(ctx));
  const type = ctx.faults.has('clr-discovery-not-json') ? 'text/html' : 'application/json';
  return [
    (_req: Request, res: Response) => {
      res.setHeader('Cache-Control', DISCOVERY_CACHE_CONTROL);
      res.status(200).type(type).send(body);
    },
  ];
}

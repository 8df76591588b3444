import type { ScenarioContext } from '../../engine/context.js';
import type { HttpExchange } from '../../engine/http.js';
import type { DiscoveredApi } from '../types.js';
import { CLR_VERSION, clrDiscoveryUrl } from './constants.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** GET the discovery document, unauthenticated (clr.md §2.1: discovery is public). */
export async function getClrDiscovery(ctx: ScenarioContext, url = clrDiscoveryUrl(ctx.config.target)): Promise<{ exchange: HttpExchange; document?: Record<string, unknown> }> {
  const exchange = await ctx.http.send({ url, headers: { accept: 'application/json' }, label: 'GET CLR discovery' });
  const body = exchange.json();
  return isObject(body) ? { exchange, document: body } : { exchange };
}

/**
 * The discovery document as the DiscoveredApi the shared OAuth actions use: apiBase is the discovery URL
 * without '/discovery' ({origin}/ims/clr/v1p0 for an origin target); CLR discovery has no revocation URL.
 */
export function clrDiscoveredApi(discoveryUrl: string, doc: Record<string, unknown>): DiscoveredApi | undefined {
  const str = (k: string): string | undefined => (typeof doc[k] === 'string' ? (doc[k] as string) : undefined);
  const registrationUrl = str('registrationUrl');
  const authorizationUrl = str('authorizationUrl');
  const tokenUrl = str('tokenUrl');
  if (!registrationUrl || !authorizationUrl || !tokenUrl) return undefined;
  const scopes = Array.isArray(doc.scopesOffered) ? doc.scopesOffered.filter((s): s is string => typeof s === 'string') : [];
  const u = new URL(discoveryUrl);
  const apiBase = `${u.origin}${u.pathname.replace(/\/discovery\/*$/, '')}`;
  return { manifestUrl: discoveryUrl, manifest: doc, apiBase, version: CLR_VERSION, scopesOffered: scopes, registrationUrl, authorizationUrl, tokenUrl };
}

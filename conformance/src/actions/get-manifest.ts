import type { ScenarioContext } from '../engine/context.js';
import type { HttpExchange } from '../engine/http.js';
import type { DiscoveredApi } from './types.js';

export const BADGE_CONNECT_VERSION = 'v2p1';

export interface ManifestFetch {
  exchange: HttpExchange;
  /** The parsed body when it is a JSON object. */
  manifest?: Record<string, unknown>;
}

/** GET the manifest (no authentication, per OB 2.1 §Manifest). */
export async function getManifest(ctx: ScenarioContext, manifestUrl = ctx.config.manifestUrl): Promise<ManifestFetch> {
  const exchange = await ctx.http.send({
    url: manifestUrl,
    headers: { accept: 'application/json' },
    label: 'GET manifest',
  });
  const body = exchange.json();
  return isObject(body) ? { exchange, manifest: body } : { exchange };
}

/** The first badgeConnectAPI entry whose version is v2p1, with its index; undefined when there is none. */
export function findV2p1Entry(manifest: unknown): { entry: Record<string, unknown>; index: number } | undefined {
  const entries = isObject(manifest) ? manifest.badgeConnectAPI : undefined;
  if (!Array.isArray(entries)) return undefined;
  const index = entries.findIndex((e) => isObject(e) && e.version === BADGE_CONNECT_VERSION);
  const entry: unknown = entries[index];
  return index >= 0 && isObject(entry) ? { entry, index } : undefined;
}

/** The entry's URLs every later scenario uses; without one of them the plan cannot go on. */
export const REQUIRED_ENDPOINTS = ['apiBase', 'registrationUrl', 'authorizationUrl', 'tokenUrl'] as const;

/** Builds the DiscoveredApi from the chosen entry; undefined when a URL the suite needs is missing. */
export function toDiscoveredApi(manifestUrl: string, manifest: Record<string, unknown>): DiscoveredApi | undefined {
  const found = findV2p1Entry(manifest);
  if (!found) return undefined;
  const e = found.entry;
  const str = (k: string): string | undefined => (typeof e[k] === 'string' ? (e[k] as string) : undefined);
  const apiBase = str('apiBase');
  const registrationUrl = str('registrationUrl');
  const authorizationUrl = str('authorizationUrl');
  const tokenUrl = str('tokenUrl');
  if (!apiBase || !registrationUrl || !authorizationUrl || !tokenUrl) return undefined;
  const scopes = Array.isArray(e.scopesOffered) ? e.scopesOffered.filter((s): s is string => typeof s === 'string') : [];
  const revocation = str('tokenRevocationUrl');
  return {
    manifestUrl,
    manifest,
    apiBase,
    version: BADGE_CONNECT_VERSION,
    scopesOffered: scopes,
    registrationUrl,
    authorizationUrl,
    tokenUrl,
    ...(revocation ? { tokenRevocationUrl: revocation } : {}),
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

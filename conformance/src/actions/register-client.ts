import type { ScenarioContext } from '../engine/context.js';
import type { HttpExchange } from '../engine/http.js';
import { BADGE_CONNECT_SCOPES, joinScope, offeredOnly, splitScope } from './scopes.js';
import { SCOPES, type DiscoveredApi, type RegisteredClient } from './types.js';

export type RegistrationRequest = Record<string, unknown>;

/**
 * RFC 7591 metadata from the run config: a per-run client name, both grants the suite uses, Basic client
 * auth, and every Badge Connect scope the manifest offers plus offline_access (a Badge Connect scope,
 * OB 2.1 §Scopes, even when a manifest does not list it).
 */
export function buildRegistrationRequest(ctx: ScenarioContext, api: DiscoveredApi): RegistrationRequest {
  const c = ctx.config.client;
  const scopes = [...offeredOnly(BADGE_CONNECT_SCOPES, api.scopesOffered), SCOPES.offlineAccess];
  return {
    client_name: `${c.client_name} (${ctx.config.runId.slice(0, 8)})`,
    client_uri: c.client_uri,
    logo_uri: c.logo_uri,
    tos_uri: c.tos_uri,
    policy_uri: c.policy_uri,
    software_id: c.software_id,
    software_version: c.software_version,
    redirect_uris: [...c.redirect_uris],
    token_endpoint_auth_method: 'client_secret_basic',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    scope: joinScope(scopes),
  };
}

/** POSTs registration metadata as JSON; used as is by the refusal scenarios with broken metadata. */
export async function postRegistration(
  ctx: ScenarioContext,
  api: DiscoveredApi,
  body: RegistrationRequest,
  label = 'register client',
): Promise<HttpExchange> {
  const exchange = await ctx.http.send({
    method: 'POST',
    url: api.registrationUrl,
    headers: { accept: 'application/json' },
    json: body,
    label,
  });
  const secret = (exchange.json() as { client_secret?: unknown } | undefined)?.client_secret;
  if (typeof secret === 'string') ctx.secret(secret);
  return exchange;
}

/** Reads a RegisteredClient from a 201 response; undefined when the id or secret is missing. */
export function toRegisteredClient(request: RegistrationRequest, response: unknown): RegisteredClient | undefined {
  if (typeof response !== 'object' || response === null) return undefined;
  const r = response as Record<string, unknown>;
  if (typeof r.client_id !== 'string' || typeof r.client_secret !== 'string') return undefined;
  const redirects = Array.isArray(r.redirect_uris) ? r.redirect_uris : request.redirect_uris;
  const redirectUri = Array.isArray(redirects) && typeof redirects[0] === 'string' ? redirects[0] : undefined;
  if (!redirectUri) return undefined;
  const grants = Array.isArray(r.grant_types) ? r.grant_types : request.grant_types;
  return {
    clientId: r.client_id,
    clientSecret: r.client_secret,
    redirectUri,
    scopes: splitScope(r.scope) ?? splitScope(request.scope) ?? [],
    grantTypes: Array.isArray(grants) ? grants.filter((g): g is string => typeof g === 'string') : [],
  };
}

/** Registers the suite's client with compliant metadata. */
export async function registerClient(
  ctx: ScenarioContext,
  api: DiscoveredApi,
): Promise<{ request: RegistrationRequest; exchange: HttpExchange; client?: RegisteredClient }> {
  const request = buildRegistrationRequest(ctx, api);
  const exchange = await postRegistration(ctx, api, request);
  const client = exchange.status === 201 ? toRegisteredClient(request, exchange.json()) : undefined;
  return { request, exchange, ...(client ? { client } : {}) };
}

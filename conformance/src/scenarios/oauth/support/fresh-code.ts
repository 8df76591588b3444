import { startAuthorization, type Authorization } from '../../../actions/obtain-token.js';
import { offeredOnly, scopesForPlan } from '../../../actions/scopes.js';
import { SCOPES, STATE, type DiscoveredApi, type RegisteredClient } from '../../../actions/types.js';
import { ensureAuthorizationGranted } from '../../../checks/oauth/ensure-authorization-granted.js';
import type { ScenarioContext } from '../../../engine/context.js';

export interface OAuthSetup {
  api: DiscoveredApi;
  client: RegisteredClient;
  /** The Badge Connect scopes of this plan the provider offers. */
  planScopes: string[];
}

/** The manifest and client left by the setup scenarios, or a skip naming what is missing. */
export function needOAuthSetup(ctx: ScenarioContext): OAuthSetup {
  const api = ctx.need<DiscoveredApi>(STATE.api, 'the Badge Connect manifest');
  const client = ctx.need<RegisteredClient>(STATE.client, 'a registered client');
  return { api, client, planScopes: offeredOnly(scopesForPlan(ctx.planId), api.scopesOffered) };
}

/** A fresh, approved authorization (MUST: the grant itself is tested by auth-server-authorization-code). */
export async function freshCode(ctx: ScenarioContext, setup: OAuthSetup, scopes: readonly string[]): Promise<Authorization & { code: string }> {
  const auth = await startAuthorization(ctx, setup.api, setup.client, scopes);
  await ctx.must(ensureAuthorizationGranted, auth.result, ['RFC6749-4.1.2'], { http: auth.result.exchanges });
  return { ...auth, code: auth.result.code! };
}

/** Plan scopes plus offline_access when the client may have a refresh token. */
export function withOffline(setup: OAuthSetup): string[] {
  return setup.client.scopes.includes(SCOPES.offlineAccess) ? [...setup.planScopes, SCOPES.offlineAccess] : [...setup.planScopes];
}

import { ensureAuthorizationGranted } from '../checks/oauth/ensure-authorization-granted.js';
import { ensureTokenResponse } from '../checks/oauth/ensure-token-response.js';
import type { ScenarioContext } from '../engine/context.js';
import { authorize, type AuthorizationParams, type AuthorizeResult } from './authorize.js';
import { exchangeCode } from './exchange-code.js';
import { createPkce, randomState, type Pkce } from './pkce.js';
import { joinScope } from './scopes.js';
import { STATE, type DiscoveredApi, type RegisteredClient, type TokenSet } from './types.js';

/** Requirement ids obtainToken cites; scenarios that call it list these in their `requirements`. */
export const OBTAIN_TOKEN_REQUIREMENTS = ['RFC6749-4.1.2', 'RFC6749-5.1'];

export interface Authorization {
  pkce: Pkce;
  state: string;
  scopes: string[];
  redirectUri: string;
  result: AuthorizeResult;
}

/** The compliant authorization request parameters for a client (OB 2.1 §Obtaining Tokens). */
export function authorizationParams(client: RegisteredClient, scopes: readonly string[], pkce: Pkce, state: string): AuthorizationParams {
  return {
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    scope: joinScope(scopes),
    state,
    code_challenge: pkce.challenge,
    code_challenge_method: pkce.method,
  };
}

/**
 * Runs one authorization with fresh PKCE and state. `overrides` replace parameters (undefined drops one);
 * `stopAt` adds redirect URIs the flow must not follow (an unregistered one under test).
 */
export async function startAuthorization(
  ctx: ScenarioContext,
  api: DiscoveredApi,
  client: RegisteredClient,
  scopes: readonly string[],
  options: { overrides?: AuthorizationParams; stopAt?: string[] } = {},
): Promise<Authorization> {
  const pkce = createPkce();
  ctx.secret(pkce.verifier);
  const state = randomState();
  const params = { ...authorizationParams(client, scopes, pkce, state), ...options.overrides };
  const result = await authorize(ctx, {
    authorizationUrl: api.authorizationUrl,
    params,
    redirectUris: [client.redirectUri, ...(options.stopAt ?? [])],
  });
  return { pkce, state, scopes: [...scopes], redirectUri: client.redirectUri, result };
}

/**
 * A token for exactly `scopes`, from the registered client in plan state: authorize (PKCE S256), then
 * exchange the code. Both steps are MUST checks (OBTAIN_TOKEN_REQUIREMENTS), so a failure stops the caller.
 */
export async function obtainToken(ctx: ScenarioContext, scopes: string[]): Promise<TokenSet> {
  const api = ctx.need<DiscoveredApi>(STATE.api, 'the Badge Connect manifest');
  const client = ctx.need<RegisteredClient>(STATE.client, 'a registered client');
  const auth = await startAuthorization(ctx, api, client, scopes);
  await ctx.must(ensureAuthorizationGranted, auth.result, ['RFC6749-4.1.2'], { http: auth.result.exchanges });
  const { exchange, tokens } = await exchangeCode(ctx, {
    tokenUrl: api.tokenUrl,
    client,
    code: auth.result.code!,
    codeVerifier: auth.pkce.verifier,
    redirectUri: auth.redirectUri,
    scopes,
  });
  await ctx.must(ensureTokenResponse(scopes), exchange, ['RFC6749-5.1']);
  return tokens!;
}

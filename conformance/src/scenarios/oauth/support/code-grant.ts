import { exchangeCode } from '../../../actions/exchange-code.js';
import { startAuthorization } from '../../../actions/obtain-token.js';
import { SCOPES, STATE, type DiscoveredApi, type RegisteredClient } from '../../../actions/types.js';
import { ensureHeader, ensureNoStore } from '../../../checks/http/ensure-header.js';
import { ensureJsonBody } from '../../../checks/http/ensure-json-body.js';
import { ensureAuthorizationGranted } from '../../../checks/oauth/ensure-authorization-granted.js';
import { ensureRefreshTokenIssued } from '../../../checks/oauth/ensure-refresh-token-issued.js';
import { ensureStateEchoed } from '../../../checks/oauth/ensure-state-echoed.js';
import { ensureTokenExpiresIn } from '../../../checks/oauth/ensure-token-expires-in.js';
import { ensureTokenResponse } from '../../../checks/oauth/ensure-token-response.js';
import { ensureSchemaValid } from '../../../checks/schema/ensure-schema-valid.js';
import type { ScenarioContext } from '../../../engine/context.js';
import { SchemaIds } from '../../../../../schemas/src/registry.js';

/** The requirement ids each step cites; Badge Connect and CLR 1.0 name their own authorize/token rules. */
export interface CodeGrantRequirements {
  authorize: string;
  token: string;
  /** Cited by the JSON-body check of the token response. */
  jsonBody: string[];
  /** Cited by the Cache-Control and Pragma checks of the token response. */
  noStore: string[];
  /** Cited when a refresh token is expected (the client registered refresh_token with offline_access). */
  offline: string;
}

/**
 * The main grant of a provider plan: authorization with PKCE S256 and state through the provider's pages,
 * then the code exchange; checks both answers and keeps the tokens for the API scenarios.
 */
export async function runCodeGrant(ctx: ScenarioContext, scenarioId: string, api: DiscoveredApi, wanted: readonly string[], req: CodeGrantRequirements): Promise<void> {
  const client = ctx.need<RegisteredClient>(STATE.client, 'a registered client');
  const scopes = [...wanted, SCOPES.offlineAccess];
  const auth = await startAuthorization(ctx, api, client, scopes);
  const http = { http: auth.result.exchanges };
  await ctx.must(ensureAuthorizationGranted, auth.result, [req.authorize, 'RFC6749-4.1.2'], http);
  await ctx.mustContinue(ensureStateEchoed(auth.state), auth.result, [req.authorize, 'RFC6749-4.1.2'], http);

  const { exchange, tokens } = await exchangeCode(ctx, {
    tokenUrl: api.tokenUrl,
    client,
    code: auth.result.code!,
    codeVerifier: auth.pkce.verifier,
    redirectUri: auth.redirectUri,
    scopes,
  });
  await ctx.must(ensureTokenResponse(scopes), exchange, [req.token, 'RFC6749-5.1']);
  await ctx.must(ensureJsonBody, exchange, req.jsonBody);
  await ctx.mustContinue(ensureSchemaValid(SchemaIds.oauth.tokenResponse, 'token response'), exchange.json(), ['RFC6749-5.1'], { http: exchange });
  // RFC 6749 §5.1 requires both headers on any response carrying tokens.
  await ctx.mustContinue(ensureNoStore, exchange, req.noStore);
  await ctx.mustContinue(ensureHeader('Pragma', { describe: 'include no-cache', accept: (v) => /no-cache/i.test(v) }), exchange, req.noStore);
  await ctx.should(ensureTokenExpiresIn, exchange, ['RFC6749-5.1-EXPIRES-IN']);
  if (client.grantTypes.includes('refresh_token') && client.scopes.includes(SCOPES.offlineAccess)) {
    await ctx.should(ensureRefreshTokenIssued, exchange, [req.offline]);
  }
  if (tokens) ctx.state.set(STATE.tokens, tokens, scenarioId);
}

import { exchangeCode } from '../../actions/exchange-code.js';
import { startAuthorization } from '../../actions/obtain-token.js';
import { offeredOnly, scopesForPlan } from '../../actions/scopes.js';
import { SCOPES, STATE, type DiscoveredApi, type RegisteredClient } from '../../actions/types.js';
import { ensureHeader, ensureNoStore } from '../../checks/http/ensure-header.js';
import { ensureJsonBody } from '../../checks/http/ensure-json-body.js';
import { ensureAuthorizationGranted } from '../../checks/oauth/ensure-authorization-granted.js';
import { ensureRefreshTokenIssued } from '../../checks/oauth/ensure-refresh-token-issued.js';
import { ensureStateEchoed } from '../../checks/oauth/ensure-state-echoed.js';
import { ensureTokenExpiresIn } from '../../checks/oauth/ensure-token-expires-in.js';
import { ensureTokenResponse } from '../../checks/oauth/ensure-token-response.js';
import { ensureSchemaValid } from '../../checks/schema/ensure-schema-valid.js';
import type { Scenario } from '../../engine/scenario.js';
import { SchemaIds } from '../../../../schemas/src/registry.js';

const ID = 'auth-server-authorization-code';

export const authServerAuthorizationCode: Scenario = {
  id: ID,
  title: 'Authorization code grant with PKCE',
  summary:
    "Signs in and approves through the provider's own pages (--authorize auto), with PKCE S256 and a random state, for every scope this plan needs plus offline_access. Expects a redirect to the registered redirect URI with a code and the same state, then a token response with a bearer access token, expires_in, a refresh token, no broader scope than asked, and no-store caching. The tokens are used by the API scenarios.",
  roles: ['obc-service-provider-read', 'obc-service-provider-write'],
  requirements: [
    'OBC21-AUTHORIZE',
    'RFC6749-4.1.2',
    'OBC21-TOKEN',
    'RFC6749-5.1',
    'RFC6749-5.1-EXPIRES-IN',
    'OBC21-SCOPES-OFFLINE',
  ],
  async run(ctx) {
    const api = ctx.need<DiscoveredApi>(STATE.api, 'the Badge Connect manifest');
    const client = ctx.need<RegisteredClient>(STATE.client, 'a registered client');
    const scopes = [...offeredOnly(scopesForPlan(ctx.planId), api.scopesOffered), SCOPES.offlineAccess];
    const auth = await startAuthorization(ctx, api, client, scopes);
    const http = { http: auth.result.exchanges };
    await ctx.must(ensureAuthorizationGranted, auth.result, ['OBC21-AUTHORIZE', 'RFC6749-4.1.2'], http);
    await ctx.mustContinue(ensureStateEchoed(auth.state), auth.result, ['OBC21-AUTHORIZE', 'RFC6749-4.1.2'], http);

    const { exchange, tokens } = await exchangeCode(ctx, {
      tokenUrl: api.tokenUrl,
      client,
      code: auth.result.code!,
      codeVerifier: auth.pkce.verifier,
      redirectUri: auth.redirectUri,
      scopes,
    });
    await ctx.must(ensureTokenResponse(scopes), exchange, ['OBC21-TOKEN', 'RFC6749-5.1']);
    await ctx.must(ensureJsonBody, exchange, ['RFC6749-5.1']);
    await ctx.mustContinue(ensureSchemaValid(SchemaIds.oauth.tokenResponse, 'token response'), exchange.json(), ['RFC6749-5.1'], {
      http: exchange,
    });
    await ctx.mustContinue(ensureNoStore, exchange, ['RFC6749-5.1']);
    await ctx.mustContinue(
      ensureHeader('Pragma', { describe: 'include no-cache', accept: (v) => /no-cache/i.test(v) }),
      exchange,
      ['RFC6749-5.1'],
    );
    await ctx.should(ensureTokenExpiresIn, exchange, ['RFC6749-5.1-EXPIRES-IN']);
    if (client.grantTypes.includes('refresh_token') && client.scopes.includes(SCOPES.offlineAccess)) {
      await ctx.should(ensureRefreshTokenIssued, exchange, ['OBC21-SCOPES-OFFLINE']);
    }
    if (tokens) ctx.state.set(STATE.tokens, tokens, ID);
  },
};

import { exchangeCode } from '../../actions/exchange-code.js';
import { startAuthorization } from '../../actions/obtain-token.js';
import { ALL_CLR_SCOPES } from '../../actions/clr/constants.js';
import { offeredOnly } from '../../actions/scopes.js';
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

const ID = 'clr-provider-authorization-code';

export const clrProviderAuthorizationCode: Scenario = {
  id: ID,
  title: 'Authorization code grant with PKCE and token request for the CLR scopes',
  summary:
    "Signs in and approves through the provider's own pages (--authorize auto) with PKCE S256 and a random state for the offered CLR scopes " +
    'plus offline_access, then exchanges the code at tokenUrl with Basic client authentication. Expects the code and the same state, then a ' +
    'bearer token response with no broader scope than asked, no-store caching, expires_in and a refresh token (warnings). The API scenarios use this token.',
  roles: ['clr-service-provider'],
  requirements: ['CLR10-AUTHORIZE', 'CLR10-TOKEN', 'CLR10-OFFLINE-ACCESS', 'RFC6749-4.1.2', 'RFC6749-5.1', 'RFC6749-5.1-EXPIRES-IN'],
  async run(ctx) {
    const api = ctx.need<DiscoveredApi>(STATE.api, 'the CLR discovery document');
    const client = ctx.need<RegisteredClient>(STATE.client, 'a registered client');
    const scopes = [...offeredOnly(ALL_CLR_SCOPES, api.scopesOffered), SCOPES.offlineAccess];
    const auth = await startAuthorization(ctx, api, client, scopes);
    const http = { http: auth.result.exchanges };
    await ctx.must(ensureAuthorizationGranted, auth.result, ['CLR10-AUTHORIZE', 'RFC6749-4.1.2'], http);
    await ctx.mustContinue(ensureStateEchoed(auth.state), auth.result, ['CLR10-AUTHORIZE', 'RFC6749-4.1.2'], http);

    const { exchange, tokens } = await exchangeCode(ctx, {
      tokenUrl: api.tokenUrl,
      client,
      code: auth.result.code!,
      codeVerifier: auth.pkce.verifier,
      redirectUri: auth.redirectUri,
      scopes,
    });
    await ctx.must(ensureTokenResponse(scopes), exchange, ['CLR10-TOKEN', 'RFC6749-5.1']);
    await ctx.must(ensureJsonBody, exchange, ['CLR10-TOKEN']);
    await ctx.mustContinue(ensureSchemaValid(SchemaIds.oauth.tokenResponse, 'token response'), exchange.json(), ['RFC6749-5.1'], { http: exchange });
    // RFC 6749 §5.1 requires both headers on any response carrying tokens.
    await ctx.mustContinue(ensureNoStore, exchange, ['CLR10-TOKEN', 'RFC6749-5.1']);
    await ctx.mustContinue(ensureHeader('Pragma', { describe: 'include no-cache', accept: (v) => /no-cache/i.test(v) }), exchange, ['CLR10-TOKEN', 'RFC6749-5.1']);
    await ctx.should(ensureTokenExpiresIn, exchange, ['RFC6749-5.1-EXPIRES-IN']);
    if (client.grantTypes.includes('refresh_token') && client.scopes.includes(SCOPES.offlineAccess)) {
      await ctx.should(ensureRefreshTokenIssued, exchange, ['CLR10-OFFLINE-ACCESS']);
    }
    if (tokens) ctx.state.set(STATE.tokens, tokens, ID);
  },
};

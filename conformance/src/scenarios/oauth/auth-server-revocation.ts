import { exchangeCode } from '../../actions/exchange-code.js';
import { randomState } from '../../actions/pkce.js';
import { PROBE_SCOPES, probeApi, probeUntilRefused } from '../../actions/probe-api.js';
import { refreshToken } from '../../actions/refresh-token.js';
import { revokeToken } from '../../actions/revoke-token.js';
import { SCOPES } from '../../actions/types.js';
import { ensureStatus } from '../../checks/http/ensure-status.js';
import { ensureOAuthError } from '../../checks/oauth/ensure-oauth-error.js';
import { ensureTokenRejected } from '../../checks/oauth/ensure-token-rejected.js';
import { ensureTokenResponse } from '../../checks/oauth/ensure-token-response.js';
import type { Scenario } from '../../engine/scenario.js';
import { freshCode, needOAuthSetup } from './support/fresh-code.js';

export const authServerRevocation: Scenario = {
  id: 'auth-server-revocation',
  title: 'Token revocation by the consumer (RFC 7009)',
  summary:
    "Only when the manifest lists tokenRevocationUrl (optional in OB 2.1; skipped otherwise). Revokes a fresh access token, after which the API should answer 401 (a few seconds of introspection caching are allowed); revokes the refresh token, after which refreshing must fail with invalid_grant. Revoking an unknown token must still answer 200, and a wrong client secret must be refused with 401 invalid_client.",
  roles: ['obc-service-provider-read', 'obc-service-provider-write'],
  requirements: ['RFC6749-4.1.2', 'RFC6749-5.1', 'RFC7009-2.1', 'RFC7009-2.2', 'OBC21-REVOCATION-ACCESS', 'OBC21-REVOCATION-REFRESH'],
  async run(ctx) {
    const setup = needOAuthSetup(ctx);
    const { api, client, planScopes } = setup;
    const revocationUrl = api.tokenRevocationUrl;
    if (!revocationUrl) return ctx.skip('the manifest lists no tokenRevocationUrl (revocation by the consumer is optional)');
    const probeScope = PROBE_SCOPES.find((s) => client.scopes.includes(s));
    const scopes = [...new Set([...planScopes, ...(probeScope ? [probeScope] : [])])];
    if (client.scopes.includes(SCOPES.offlineAccess)) scopes.push(SCOPES.offlineAccess);
    const auth = await freshCode(ctx, setup, scopes);
    const { exchange, tokens } = await exchangeCode(ctx, {
      tokenUrl: api.tokenUrl,
      client,
      code: auth.code,
      codeVerifier: auth.pkce.verifier,
      redirectUri: auth.redirectUri,
      scopes,
    });
    await ctx.must(ensureTokenResponse(scopes), exchange, ['RFC6749-5.1']);
    const t = tokens!;

    const before = await probeApi(ctx, api, t.accessToken, t.scopes);
    const revokeAccess = await revokeToken(ctx, { revocationUrl, client, token: t.accessToken, hint: 'access_token' });
    await ctx.mustContinue(ensureStatus(200), revokeAccess, ['RFC7009-2.2'], { title: 'access token revocation answers 200' });
    if (before) {
      const after = (await probeUntilRefused(ctx, api, t.accessToken, t.scopes))!;
      await ctx.should(ensureTokenRejected, { before, after }, ['OBC21-REVOCATION-ACCESS'], {
        http: [before, after],
        title: 'revoked access token is refused by the API',
      });
    }

    if (t.refreshToken) {
      const revokeRefresh = await revokeToken(ctx, { revocationUrl, client, token: t.refreshToken, hint: 'refresh_token' });
      await ctx.mustContinue(ensureStatus(200), revokeRefresh, ['RFC7009-2.2'], { title: 'refresh token revocation answers 200' });
      const reuse = await refreshToken(ctx, { tokenUrl: api.tokenUrl, client, refreshToken: t.refreshToken, label: 'refresh with the revoked refresh token' });
      await ctx.mustContinue(ensureOAuthError([400], ['invalid_grant']), reuse.exchange, ['OBC21-REVOCATION-REFRESH'], {
        title: 'revoked refresh token is refused',
      });
    }

    const unknown = await revokeToken(ctx, { revocationUrl, client, token: `unknown-${randomState()}`, label: 'revoke an unknown token' });
    await ctx.mustContinue(ensureStatus(200), unknown, ['RFC7009-2.2'], { title: 'revoking an unknown token answers 200' });
    const badClient = { clientId: client.clientId, clientSecret: `wrong-${randomState()}` };
    const unauth = await revokeToken(ctx, { revocationUrl, client: badClient, token: `unknown-${randomState()}`, label: 'revoke with a wrong client secret' });
    await ctx.mustContinue(ensureOAuthError([401], ['invalid_client']), unauth, ['RFC7009-2.1'], {
      title: 'revocation with a wrong client secret is refused',
    });
  },
};

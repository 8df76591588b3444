import { CLR_SCOPES } from '../../actions/clr/constants.js';
import { exchangeCode } from '../../actions/exchange-code.js';
import { refreshToken } from '../../actions/refresh-token.js';
import { SCOPES, STATE, type DiscoveredApi, type RegisteredClient } from '../../actions/types.js';
import { ensureNoStore } from '../../checks/http/ensure-header.js';
import { ensureStatus } from '../../checks/http/ensure-status.js';
import { ensureRefreshTokenIssued } from '../../checks/oauth/ensure-refresh-token-issued.js';
import { ensureScopeWithin } from '../../checks/oauth/ensure-scope-within.js';
import { ensureTokenResponse } from '../../checks/oauth/ensure-token-response.js';
import type { Scenario } from '../../engine/scenario.js';
import { bearer, withQuery } from '../api/support/session.js';
import { freshCode } from '../oauth/support/fresh-code.js';

export const clrProviderRefresh: Scenario = {
  id: 'clr-provider-refresh',
  title: 'Refresh tokens for the CLR scopes',
  summary:
    'Authorizes the readonly scope plus offline_access and expects a refresh token (a warning when none is issued: refresh is optional, and the ' +
    'scenario then skips). Refreshes without a scope and expects a new bearer token (no-store) that getClrs accepts, then asks for the replace ' +
    'scope the user never granted in this grant: it must be refused or left out of the token.',
  roles: ['clr-service-provider'],
  requirements: ['CLR10-REFRESH', 'CLR10-OFFLINE-ACCESS', 'CLR10-TOKEN', 'RFC6749-4.1.2', 'RFC6749-5.1'],
  async run(ctx) {
    const api = ctx.need<DiscoveredApi>(STATE.api, 'the CLR discovery document');
    const client = ctx.need<RegisteredClient>(STATE.client, 'a registered client');
    if (!client.grantTypes.includes('refresh_token') || !client.scopes.includes(SCOPES.offlineAccess)) {
      return ctx.skip('the client was not registered for the refresh_token grant with offline_access');
    }
    if (!api.scopesOffered.includes(CLR_SCOPES.readonly)) return ctx.skip('the provider does not offer the readonly scope');
    const granted = [CLR_SCOPES.readonly, SCOPES.offlineAccess];
    const auth = await freshCode(ctx, { api, client, planScopes: [CLR_SCOPES.readonly] }, granted);
    const initial = await exchangeCode(ctx, {
      tokenUrl: api.tokenUrl,
      client,
      code: auth.code,
      codeVerifier: auth.pkce.verifier,
      redirectUri: auth.redirectUri,
      scopes: granted,
    });
    await ctx.must(ensureTokenResponse(granted), initial.exchange, ['CLR10-TOKEN', 'RFC6749-5.1']);
    await ctx.should(ensureRefreshTokenIssued, initial.exchange, ['CLR10-OFFLINE-ACCESS']);
    const original = initial.tokens?.refreshToken;
    if (!original) return ctx.skip('no refresh token was issued, so refresh cannot be tested');

    const refreshed = await refreshToken(ctx, { tokenUrl: api.tokenUrl, client, refreshToken: original }, granted);
    await ctx.must(ensureTokenResponse(granted), refreshed.exchange, ['CLR10-REFRESH'], { title: 'refresh grant issues a new access token' });
    await ctx.mustContinue(ensureNoStore, refreshed.exchange, ['CLR10-REFRESH', 'RFC6749-5.1']);
    const probe = await ctx.http.send({
      url: withQuery(`${api.apiBase.replace(/\/+$/, '')}/clrs`, { limit: 1 }),
      headers: bearer(refreshed.tokens!),
      label: 'GET clrs with the refreshed token',
    });
    await ctx.mustContinue(ensureStatus(200), probe, ['CLR10-REFRESH'], { title: 'getClrs accepts the refreshed access token' });

    if (client.scopes.includes(CLR_SCOPES.replace)) {
      const current = refreshed.tokens?.refreshToken ?? original;
      const wider = [...granted, CLR_SCOPES.replace];
      const widen = await refreshToken(ctx, { tokenUrl: api.tokenUrl, client, refreshToken: current, scopes: wider, label: 'refresh asking for a scope never granted' });
      await ctx.mustContinue(ensureScopeWithin(granted, wider), widen.exchange, ['CLR10-REFRESH'], { title: 'refresh never widens the granted scope' });
    }
  },
};

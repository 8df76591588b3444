import { exchangeCode } from '../../actions/exchange-code.js';
import { refreshToken } from '../../actions/refresh-token.js';
import { SCOPES } from '../../actions/types.js';
import { ensureNoStore } from '../../checks/http/ensure-header.js';
import { ensureRefreshRotated } from '../../checks/oauth/ensure-refresh-rotated.js';
import { ensureRefreshTokenIssued } from '../../checks/oauth/ensure-refresh-token-issued.js';
import { ensureScopeWithin } from '../../checks/oauth/ensure-scope-within.js';
import { ensureTokenResponse } from '../../checks/oauth/ensure-token-response.js';
import type { Scenario } from '../../engine/scenario.js';
import { freshCode, needOAuthSetup } from './support/fresh-code.js';

export const authServerRefresh: Scenario = {
  id: 'auth-server-refresh',
  title: 'Refresh tokens: refresh, rotation, narrowing and no widening',
  summary:
    'Authorizes one Badge Connect scope plus offline_access and expects a refresh token. Refreshes without a scope (a new access token, no-store), refreshes asking for a narrower scope (should be honoured), and asks for a scope the user never granted (must be refused, or left out of the token). Finally reuses the first refresh token: with rotation it should be refused, since a new one was issued.',
  roles: ['obc-service-provider-read', 'obc-service-provider-write'],
  requirements: ['RFC6749-4.1.2', 'RFC6749-5.1', 'OBC21-SCOPES-OFFLINE', 'RFC6749-6', 'RFC6749-10.4'],
  async run(ctx) {
    const setup = needOAuthSetup(ctx);
    const { api, client, planScopes } = setup;
    if (!client.grantTypes.includes('refresh_token') || !client.scopes.includes(SCOPES.offlineAccess)) {
      return ctx.skip('the client was not registered for the refresh_token grant with offline_access');
    }
    const main = planScopes[0];
    if (!main) return ctx.skip('the provider offers none of the scopes this plan needs');
    const granted = [main, SCOPES.offlineAccess];
    const auth = await freshCode(ctx, setup, granted);
    const initial = await exchangeCode(ctx, {
      tokenUrl: api.tokenUrl,
      client,
      code: auth.code,
      codeVerifier: auth.pkce.verifier,
      redirectUri: auth.redirectUri,
      scopes: granted,
    });
    await ctx.must(ensureTokenResponse(granted), initial.exchange, ['RFC6749-5.1']);
    await ctx.should(ensureRefreshTokenIssued, initial.exchange, ['OBC21-SCOPES-OFFLINE']);
    const original = initial.tokens?.refreshToken;
    if (!original) return ctx.skip('no refresh token was issued, so refresh cannot be tested');
    const base = { tokenUrl: api.tokenUrl, client };

    const plain = await refreshToken(ctx, { ...base, refreshToken: original }, granted);
    await ctx.must(ensureTokenResponse(granted), plain.exchange, ['RFC6749-6'], { title: 'refresh grant issues a new access token' });
    await ctx.mustContinue(ensureNoStore, plain.exchange, ['RFC6749-5.1']);
    const next = plain.tokens?.refreshToken;
    const rotated = next !== undefined && next !== original;
    let current = next ?? original;

    const narrow = await refreshToken(ctx, { ...base, refreshToken: current, scopes: [main], label: 'refresh with a narrower scope' });
    await ctx.should(ensureTokenResponse([main]), narrow.exchange, ['RFC6749-6'], { title: 'refresh with a narrower scope is honoured' });
    current = narrow.tokens?.refreshToken ?? current;

    const extra = client.scopes.find((s) => !granted.includes(s));
    if (extra) {
      const wider = [...granted, extra];
      const widen = await refreshToken(ctx, { ...base, refreshToken: current, scopes: wider, label: 'refresh asking for a scope never granted' });
      await ctx.mustContinue(ensureScopeWithin(granted, wider), widen.exchange, ['RFC6749-6'], {
        title: 'refresh never widens the granted scope',
      });
    }

    const reuse = await refreshToken(ctx, { ...base, refreshToken: original, label: 'refresh again with the first refresh token' }, granted);
    await ctx.should(ensureRefreshRotated, { rotated, reuse: reuse.exchange }, ['RFC6749-10.4'], { http: [plain.exchange, reuse.exchange] });
  },
};

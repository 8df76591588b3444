import { exchangeCode, type CodeExchange } from '../../../actions/exchange-code.js';
import { createVerifier, randomState } from '../../../actions/pkce.js';
import { PROBE_SCOPES, probeApi, probeUntilRefused } from '../../../actions/probe-api.js';
import { ensureHeader } from '../../../checks/http/ensure-header.js';
import { ensureOAuthError } from '../../../checks/oauth/ensure-oauth-error.js';
import { ensureTokenRejected } from '../../../checks/oauth/ensure-token-rejected.js';
import { ensureTokenResponse } from '../../../checks/oauth/ensure-token-response.js';
import type { ScenarioContext } from '../../../engine/context.js';
import { freshCode, type OAuthSetup } from './fresh-code.js';

/** A fresh code and the compliant exchange for it, to be altered by one case. */
async function codeExchange(ctx: ScenarioContext, setup: OAuthSetup, scopes: string[]): Promise<CodeExchange> {
  const auth = await freshCode(ctx, setup, scopes);
  return {
    tokenUrl: setup.api.tokenUrl,
    client: setup.client,
    code: auth.code,
    codeVerifier: auth.pkce.verifier,
    redirectUri: auth.redirectUri,
    scopes,
  };
}

/**
 * Code exchanges a provider must refuse, each with one thing wrong (verifier, redirect_uri, client secret,
 * parameters in the query), then a replayed code: refused, and the tokens of its first use revoked.
 */
export async function runTokenRefusals(ctx: ScenarioContext, setup: OAuthSetup, req: { pkce: string }): Promise<void> {
  const { api, client, planScopes } = setup;
  const invalidGrant = ensureOAuthError([400], ['invalid_grant']);

  const wrongVerifier = await codeExchange(ctx, setup, planScopes);
  const x1 = await exchangeCode(ctx, { ...wrongVerifier, codeVerifier: createVerifier(), label: 'exchange with a wrong code_verifier' });
  await ctx.mustContinue(invalidGrant, x1.exchange, ['RFC7636-4.6', req.pkce], { title: 'wrong code_verifier is refused' });

  const otherRedirect = await codeExchange(ctx, setup, planScopes);
  const other = new URL(`/other-${randomState()}`, client.redirectUri).toString();
  const x2 = await exchangeCode(ctx, { ...otherRedirect, redirectUri: other, label: 'exchange with another redirect_uri' });
  await ctx.mustContinue(ensureOAuthError([400], ['invalid_grant', 'invalid_request']), x2.exchange, ['RFC6749-4.1.3'], {
    title: 'redirect_uri differing from the authorization request is refused',
  });

  const wrongSecret = await codeExchange(ctx, setup, planScopes);
  const badClient = { clientId: client.clientId, clientSecret: `wrong-${randomState()}` };
  const x3 = await exchangeCode(ctx, { ...wrongSecret, client: badClient, label: 'exchange with a wrong client secret' });
  await ctx.mustContinue(ensureOAuthError([401], ['invalid_client']), x3.exchange, ['RFC6749-5.2'], { title: 'wrong client secret is refused' });
  // Only meaningful on a 401; an acceptance is already reported above.
  if (x3.exchange.status === 401) {
    const basic = ensureHeader('WWW-Authenticate', { describe: 'name the Basic scheme', accept: (v) => /^\s*basic\b/i.test(v) });
    await ctx.mustContinue(basic, x3.exchange, ['RFC6749-5.2']);
  }

  // RFC 6749 §3.2: parameters go in a POST body; a server taking them from the URL invites codes in logs.
  const inQuery = await codeExchange(ctx, setup, planScopes);
  const url = new URL(api.tokenUrl);
  const params = { grant_type: 'authorization_code', code: inQuery.code, redirect_uri: inQuery.redirectUri, code_verifier: inQuery.codeVerifier };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const emptyBody = { grant_type: undefined, code: undefined, redirect_uri: undefined, scope: undefined, code_verifier: undefined };
  const x4 = await exchangeCode(ctx, { ...inQuery, tokenUrl: url.toString(), overrides: emptyBody, label: 'exchange with the parameters in the query string' });
  await ctx.should(ensureOAuthError([400], ['invalid_request', 'unsupported_grant_type', 'invalid_grant']), x4.exchange, ['RFC6749-3.2'], {
    title: 'token request parameters in the query string are refused',
  });

  const probeScope = PROBE_SCOPES.find((s) => client.scopes.includes(s));
  const replayScopes = probeScope && !planScopes.includes(probeScope) ? [...planScopes, probeScope] : planScopes;
  const replay = await codeExchange(ctx, setup, replayScopes);
  const first = await exchangeCode(ctx, { ...replay, label: 'exchange a code (first use)' });
  await ctx.must(ensureTokenResponse(replayScopes), first.exchange, ['RFC6749-5.1']);
  const token = first.tokens!;
  const before = await probeApi(ctx, api, token.accessToken, token.scopes);
  const second = await exchangeCode(ctx, { ...replay, label: 'exchange the same code again' });
  await ctx.mustContinue(invalidGrant, second.exchange, ['RFC6749-4.1.2'], { title: 'a code used twice is refused' });
  if (before) {
    const after = (await probeUntilRefused(ctx, api, token.accessToken, token.scopes))!;
    await ctx.should(ensureTokenRejected, { before, after }, ['RFC6749-4.1.2-REVOKE'], {
      http: [before, after],
      title: 'tokens issued from a replayed code are revoked',
    });
  }
}

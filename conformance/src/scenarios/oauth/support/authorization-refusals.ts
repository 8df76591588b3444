import { exchangeCode } from '../../../actions/exchange-code.js';
import { startAuthorization } from '../../../actions/obtain-token.js';
import { createVerifier, randomState } from '../../../actions/pkce.js';
import { ensureAuthorizationRefused } from '../../../checks/oauth/ensure-authorization-refused.js';
import { ensureErrorPage } from '../../../checks/oauth/ensure-error-page.js';
import { ensureErrorRedirect } from '../../../checks/oauth/ensure-error-redirect.js';
import { ensureNotRedirectedTo } from '../../../checks/oauth/ensure-not-redirected-to.js';
import { ensureScopeWithin } from '../../../checks/oauth/ensure-scope-within.js';

import type { ScenarioContext } from '../../../engine/context.js';
import type { OAuthSetup } from './fresh-code.js';

const UNKNOWN_SCOPE = 'https://example.com/scope/unknown';

/** The requirement ids each refusal cites; Badge Connect and CLR 1.0 name their own PKCE and redirect rules. */
export interface AuthorizationRefusalRequirements {
  pkce: string;
  /** SHOULD: an unregistered redirect_uri gets an error page. */
  errorPage: string;
  /** Cited (MAY) when a request without state is refused. */
  state: string;
}

/**
 * Authorization requests a provider must not grant: no PKCE, PKCE plain, an unregistered redirect URI,
 * no state (information only) and an unknown scope (refused, or left out of the token).
 */
export async function runAuthorizationRefusals(ctx: ScenarioContext, setup: OAuthSetup, req: AuthorizationRefusalRequirements): Promise<void> {
  const { api, client, planScopes } = setup;
  const pkceCases = [
    { what: 'without code_challenge', overrides: { code_challenge: undefined, code_challenge_method: undefined } },
    { what: 'with code_challenge_method plain', overrides: { code_challenge: createVerifier(), code_challenge_method: 'plain' } },
  ];
  for (const c of pkceCases) {
    const { result } = await startAuthorization(ctx, api, client, planScopes, { overrides: c.overrides });
    const opts = { http: result.exchanges, title: `authorization ${c.what} is refused` };
    await ctx.mustContinue(ensureAuthorizationRefused, result, [req.pkce], opts);
    await ctx.should(ensureErrorRedirect(['invalid_request']), result, ['RFC7636-4.4.1'], { http: result.exchanges });
  }

  const unregistered = new URL(`/unregistered-${randomState()}`, client.redirectUri).toString();
  const bad = await startAuthorization(ctx, api, client, planScopes, {
    overrides: { redirect_uri: unregistered },
    stopAt: [unregistered],
  });
  await ctx.mustContinue(ensureNotRedirectedTo(unregistered), bad.result, ['RFC6749-4.1.2.1'], { http: bad.result.exchanges });
  await ctx.should(ensureErrorPage, bad.result, [req.errorPage], { http: bad.result.exchanges });

  const stateless = await startAuthorization(ctx, api, client, planScopes, { overrides: { state: undefined } });
  await ctx.may(ensureAuthorizationRefused, stateless.result, [req.state], {
    http: stateless.result.exchanges,
    title: 'authorization without state is refused',
  });

  const scopes = [...planScopes, UNKNOWN_SCOPE];
  const unknown = await startAuthorization(ctx, api, client, scopes);
  if (unknown.result.code) {
    // Accepted: RFC 6749 §3.3 lets the server ignore the unknown scope, as long as the token leaves it out.
    const { exchange } = await exchangeCode(ctx, {
      tokenUrl: api.tokenUrl,
      client,
      code: unknown.result.code,
      codeVerifier: unknown.pkce.verifier,
      redirectUri: unknown.redirectUri,
      scopes,
    });
    // RFC 6749 §3.3 is a MAY: granting a scope the server does not offer is judged as a warning.
    await ctx.should(ensureScopeWithin(planScopes, scopes), exchange, ['RFC6749-3.3']);
  } else {
    await ctx.should(ensureAuthorizationRefused, unknown.result, ['RFC6749-3.3'], {
      http: unknown.result.exchanges,
      title: 'authorization with an unknown scope is refused',
    });
    await ctx.should(ensureErrorRedirect(['invalid_scope']), unknown.result, ['RFC6749-4.1.2.1'], { http: unknown.result.exchanges });
  }
}

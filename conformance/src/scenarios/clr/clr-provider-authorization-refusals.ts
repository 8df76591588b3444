import { CLR_SCOPES } from '../../actions/clr/constants.js';
import { offeredOnly } from '../../actions/scopes.js';
import { STATE, type DiscoveredApi, type RegisteredClient } from '../../actions/types.js';
import type { ScenarioContext } from '../../engine/context.js';
import type { Scenario } from '../../engine/scenario.js';
import type { OAuthSetup } from '../oauth/support/fresh-code.js';
import { runAuthorizationRefusals } from '../oauth/support/authorization-refusals.js';

/** The discovery document and client left by the setup scenarios, asking for the readonly scope. */
export function clrOAuthSetup(ctx: ScenarioContext): OAuthSetup {
  const api = ctx.need<DiscoveredApi>(STATE.api, 'the CLR discovery document');
  const client = ctx.need<RegisteredClient>(STATE.client, 'a registered client');
  return { api, client, planScopes: offeredOnly([CLR_SCOPES.readonly], api.scopesOffered) };
}

export const clrProviderAuthorizationRefusals: Scenario = {
  id: 'clr-provider-authorization-refusals',
  title: 'Authorization refuses requests without PKCE S256 or with an unknown redirect URI (CLR)',
  summary:
    'Sends authorization requests for the CLR readonly scope that the IMS security profile does not allow: no PKCE code_challenge and ' +
    'code_challenge_method plain (both must be refused; an error redirect with invalid_request is expected), a redirect URI never registered ' +
    '(never redirected to; an error page is expected), no state (refusing it is information only) and an unknown scope (refused, or left out of the token).',
  roles: ['clr-service-provider'],
  requirements: ['CLR10-PKCE-S256', 'RFC7636-4.4.1', 'RFC6749-4.1.2.1', 'CLR10-AUTHORIZE-REDIRECT-URI', 'CLR10-AUTHORIZE-STATE', 'RFC6749-3.3'],
  async run(ctx) {
    await runAuthorizationRefusals(ctx, clrOAuthSetup(ctx), { pkce: 'CLR10-PKCE-S256', errorPage: 'CLR10-AUTHORIZE-REDIRECT-URI', state: 'CLR10-AUTHORIZE-STATE' });
  },
};

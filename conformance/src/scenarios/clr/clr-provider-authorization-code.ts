import { ALL_CLR_SCOPES } from '../../actions/clr/constants.js';
import { offeredOnly } from '../../actions/scopes.js';
import { STATE, type DiscoveredApi } from '../../actions/types.js';
import type { Scenario } from '../../engine/scenario.js';
import { runCodeGrant } from '../oauth/support/code-grant.js';

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
    await runCodeGrant(ctx, ID, api, offeredOnly(ALL_CLR_SCOPES, api.scopesOffered), {
      authorize: 'CLR10-AUTHORIZE',
      token: 'CLR10-TOKEN',
      jsonBody: ['CLR10-TOKEN'],
      noStore: ['CLR10-TOKEN', 'RFC6749-5.1'],
      offline: 'CLR10-OFFLINE-ACCESS',
    });
  },
};

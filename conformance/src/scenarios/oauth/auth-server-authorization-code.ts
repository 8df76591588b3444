import { offeredOnly, scopesForPlan } from '../../actions/scopes.js';
import { STATE, type DiscoveredApi } from '../../actions/types.js';
import type { Scenario } from '../../engine/scenario.js';
import { runCodeGrant } from './support/code-grant.js';

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
    await runCodeGrant(ctx, ID, api, offeredOnly(scopesForPlan(ctx.planId), api.scopesOffered), {
      authorize: 'OBC21-AUTHORIZE',
      token: 'OBC21-TOKEN',
      jsonBody: ['RFC6749-5.1'],
      noStore: ['RFC6749-5.1'],
      offline: 'OBC21-SCOPES-OFFLINE',
    });
  },
};

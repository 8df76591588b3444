import type { Scenario } from '../../engine/scenario.js';
import { runAuthorizationRefusals } from './support/authorization-refusals.js';
import { needOAuthSetup } from './support/fresh-code.js';

export const authServerAuthorizationRefusals: Scenario = {
  id: 'auth-server-authorization-refusals',
  title: 'Authorization refuses requests without PKCE S256 or with an unknown redirect URI',
  summary:
    'Sends authorization requests that Badge Connect does not allow: no PKCE code_challenge, code_challenge_method plain, a redirect URI that was never registered, no state, and an unknown scope. PKCE S256 is mandatory in OB 2.1, so the first two must be refused (an error redirect with invalid_request is expected; an error page is a warning). The unknown redirect URI must never be redirected to, and should get an error page. A request without state may be refused (information only). An unknown scope must be refused or left out of the token.',
  roles: ['obc-service-provider-read', 'obc-service-provider-write'],
  requirements: [
    'OBC21-PKCE-S256',
    'RFC7636-4.4.1',
    'RFC6749-4.1.2.1',
    'OBC21-AUTHORIZE-REDIRECT-URI',
    'OBC21-AUTHORIZE-STATE',
    'RFC6749-3.3',
  ],
  async run(ctx) {
    await runAuthorizationRefusals(ctx, needOAuthSetup(ctx), { pkce: 'OBC21-PKCE-S256', errorPage: 'OBC21-AUTHORIZE-REDIRECT-URI', state: 'OBC21-AUTHORIZE-STATE' });
  },
};

import type { Scenario } from '../../engine/scenario.js';
import { needOAuthSetup } from './support/fresh-code.js';
import { runTokenRefusals } from './support/token-refusals.js';

export const authServerTokenRefusals: Scenario = {
  id: 'auth-server-token-refusals',
  title: 'Token endpoint refuses wrong verifiers, replayed codes, other redirect URIs and bad client secrets',
  summary:
    'Gets fresh codes and exchanges each one with exactly one thing wrong: a code_verifier that does not match (400 invalid_grant), a redirect_uri other than the one authorized (400 invalid_grant), a wrong client secret (401 invalid_client with WWW-Authenticate); parameters sent in the query string instead of the body should be refused too. Then exchanges a code twice: the second exchange must be refused, and the tokens from the first should stop working at the API (checked with a read call, allowing a few seconds of introspection caching).',
  roles: ['obc-service-provider-read', 'obc-service-provider-write'],
  requirements: ['RFC6749-4.1.2', 'RFC7636-4.6', 'OBC21-PKCE-S256', 'RFC6749-4.1.3', 'RFC6749-5.2', 'RFC6749-3.2', 'RFC6749-5.1', 'RFC6749-4.1.2-REVOKE'],
  async run(ctx) {
    await runTokenRefusals(ctx, needOAuthSetup(ctx), { pkce: 'OBC21-PKCE-S256' });
  },
};

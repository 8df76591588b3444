import type { Scenario } from '../../engine/scenario.js';
import { runTokenRefusals } from '../oauth/support/token-refusals.js';
import { clrOAuthSetup } from './clr-provider-authorization-refusals.js';

export const clrProviderTokenRefusals: Scenario = {
  id: 'clr-provider-token-refusals',
  title: 'Token endpoint refuses wrong verifiers, replayed codes, other redirect URIs and bad client secrets (CLR)',
  summary:
    'Gets fresh codes for the CLR readonly scope and exchanges each with exactly one thing wrong: a code_verifier that does not match ' +
    '(400 invalid_grant), another redirect_uri (400), a wrong client secret (401 invalid_client with WWW-Authenticate); parameters in the ' +
    'query string should be refused too. A code exchanged twice must be refused the second time, and the tokens of its first use should stop ' +
    'working at getClrs (allowing a few seconds of introspection caching).',
  roles: ['clr-service-provider'],
  requirements: ['RFC6749-4.1.2', 'RFC7636-4.6', 'CLR10-PKCE-S256', 'RFC6749-4.1.3', 'RFC6749-5.2', 'RFC6749-3.2', 'RFC6749-5.1', 'RFC6749-4.1.2-REVOKE'],
  async run(ctx) {
    await runTokenRefusals(ctx, clrOAuthSetup(ctx), { pkce: 'CLR10-PKCE-S256' });
  },
};

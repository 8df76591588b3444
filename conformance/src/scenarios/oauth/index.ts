import type { Scenario } from '../../engine/scenario.js';
import { authServerAuthorizationCode } from './auth-server-authorization-code.js';
import { authServerAuthorizationRefusals } from './auth-server-authorization-refusals.js';
import { authServerRefresh } from './auth-server-refresh.js';
import { authServerRegistration } from './auth-server-registration.js';
import { authServerRegistrationRefusals } from './auth-server-registration-refusals.js';
import { authServerRevocation } from './auth-server-revocation.js';
import { authServerTokenRefusals } from './auth-server-token-refusals.js';
import { providerManifestDiscovery } from './provider-manifest-discovery.js';

/** Before the API scenarios: discovery, registration and the main grant (they fill STATE.api/client/tokens). */
export const OAUTH_SETUP_SCENARIOS: Scenario[] = [
  providerManifestDiscovery,
  authServerRegistration,
  authServerRegistrationRefusals,
  authServerAuthorizationCode,
  authServerAuthorizationRefusals,
];

/** After the API scenarios: the ones that spend codes, rotate refresh tokens or revoke tokens. */
export const OAUTH_AFTER_API_SCENARIOS: Scenario[] = [authServerTokenRefusals, authServerRefresh, authServerRevocation];

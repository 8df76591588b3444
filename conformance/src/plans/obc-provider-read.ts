import type { Plan } from '../engine/scenario.js';
import { OAUTH_SETUP_SCENARIOS, OAUTH_AFTER_API_SCENARIOS } from '../scenarios/oauth/index.js';
import { READ_SCENARIOS } from '../scenarios/api/index.js';

/**
 * Service Provider (Read), OB 2.1 certification guide: getManifest, OAuth registration, authorize,
 * token, GET /assertions (paging required), GET /profile; then the OAuth refusals, refresh and revocation.
 */
export const obcProviderRead: Plan = {
  id: 'obc-provider-read',
  title: 'Badge Connect Service Provider (Read)',
  summary:
    'Discovers the manifest, registers a client, authorizes with PKCE, reads every page of assertions and the profile, and checks every refusal the provider and its authorization server must make.',
  role: 'obc-service-provider-read',
  scenarios: [...OAUTH_SETUP_SCENARIOS.map((s) => s.id), ...READ_SCENARIOS.map((s) => s.id), ...OAUTH_AFTER_API_SCENARIOS.map((s) => s.id)],
};

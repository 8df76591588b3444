import type { Plan } from '../engine/scenario.js';
import { OAUTH_SETUP_SCENARIOS, OAUTH_AFTER_API_SCENARIOS } from '../scenarios/oauth/index.js';
import { WRITE_SCENARIOS } from '../scenarios/api/index.js';

/**
 * Service Provider (Write), OB 2.1 certification guide: getManifest, OAuth registration, authorize,
 * token, POST /assertions (required), POST /profile (optional); then the OAuth refusals and revocation.
 */
export const obcProviderWrite: Plan = {
  id: 'obc-provider-write',
  title: 'Badge Connect Service Provider (Write)',
  summary:
    'Discovers the manifest, registers a client, authorizes with PKCE, posts assertions and reads them back, updates the profile, and checks the refusals of invalid writes.',
  role: 'obc-service-provider-write',
  scenarios: [...OAUTH_SETUP_SCENARIOS.map((s) => s.id), ...WRITE_SCENARIOS.map((s) => s.id), ...OAUTH_AFTER_API_SCENARIOS.map((s) => s.id)],
};

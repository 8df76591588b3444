import type { Plan } from '../engine/scenario.js';
import { OBC_CONSUMER_READ_SCENARIOS } from '../scenarios/consumer/index.js';

/**
 * Service Consumer (Read), OB 2.1 certification guide: getManifest, registration, authorize, token,
 * GET /assertions (with paging if used), GET /profile; then the emulator faults a consumer must survive.
 */
export const obcConsumerRead: Plan = {
  id: 'obc-consumer-read',
  title: 'Badge Connect Service Consumer (Read)',
  summary:
    'Plays provider and authorization server for the candidate consumer, then judges what it sent: discovery, registration, PKCE authorization, token request, reading assertions (every page, by Link next) and the profile through the v2p1 manifest entry, a fresh state on every run, and how it copes with a wrong state, an expired token and a revoked grant.',
  role: 'obc-service-consumer-read',
  scenarios: OBC_CONSUMER_READ_SCENARIOS.map((s) => s.id),
};

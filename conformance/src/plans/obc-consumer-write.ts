import type { Plan } from '../engine/scenario.js';
import { OBC_CONSUMER_WRITE_SCENARIOS } from '../scenarios/consumer/index.js';

/**
 * Service Consumer (Write), OB 2.1 certification guide: getManifest, registration, authorize, token,
 * POST /assertions (required), POST /profile (optional); then a wrong state and a refused POST.
 */
export const obcConsumerWrite: Plan = {
  id: 'obc-consumer-write',
  title: 'Badge Connect Service Consumer (Write)',
  summary:
    'Plays provider and authorization server for the candidate consumer, then judges its registration, authorization and token requests and every body it posted, a fresh state on every run and the write scope of every POST, and checks that it rejects a wrong state, reports a refused POST and does not POST when the grant is read-only.',
  role: 'obc-service-consumer-write',
  scenarios: OBC_CONSUMER_WRITE_SCENARIOS.map((s) => s.id),
};

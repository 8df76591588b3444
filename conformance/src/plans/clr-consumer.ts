import type { Plan } from '../engine/scenario.js';
import { CLR_CONSUMER_SCENARIOS } from '../scenarios/consumer/index.js';

/** CLR 1.0 consumer: discovery, registration, authorize, token, getClrs with paging; then the faults. */
export const clrConsumer: Plan = {
  id: 'clr-consumer',
  title: 'CLR 1.0 Service Consumer',
  summary:
    'Plays CLR provider and authorization server for the candidate consumer, then judges its discovery, registration, PKCE authorization, token request, getClrs walk (by Link next) and any postClr body, a fresh state on every run, and how it copes with a wrong state, an expired token and a revoked grant.',
  role: 'clr-service-consumer',
  scenarios: CLR_CONSUMER_SCENARIOS.map((s) => s.id),
};

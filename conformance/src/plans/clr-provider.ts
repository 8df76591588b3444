import type { Plan } from '../engine/scenario.js';
import { CLR_SCENARIOS } from '../scenarios/clr/index.js';

/**
 * CLR 1.0 Service Provider: discovery, OAuth registration, authorize, token; getClrs (paging, since),
 * verification, getClr, refusals; postClr/deleteClr; then refresh. Ordered like the Badge Connect plans
 * (setup, API, then the scenarios that spend tokens).
 */
export const clrProvider: Plan = {
  id: 'clr-provider',
  title: 'CLR 1.0 Service Provider',
  summary:
    'Reads the CLR discovery document, registers a client, authorizes with PKCE, reads and verifies every CLR on every page, checks getClr, ' +
    'the scope refusals and imsx_StatusInfo errors, posts, replaces and deletes a CLR, and refreshes a token.',
  role: 'clr-service-provider',
  scenarios: CLR_SCENARIOS.map((s) => s.id),
};

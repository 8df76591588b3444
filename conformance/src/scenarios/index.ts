import type { Scenario } from '../engine/scenario.js';
import { OAUTH_SETUP_SCENARIOS, OAUTH_AFTER_API_SCENARIOS } from './oauth/index.js';
import { READ_SCENARIOS, WRITE_SCENARIOS } from './api/index.js';
import { CLR_SCENARIOS } from './clr/index.js';
import { CONSUMER_SCENARIOS } from './consumer/index.js';

/** Every scenario by id; an id listed twice is a suite bug caught by the tests. */
export const ALL_SCENARIOS: Scenario[] = [
  ...OAUTH_SETUP_SCENARIOS,
  ...READ_SCENARIOS,
  ...WRITE_SCENARIOS,
  ...OAUTH_AFTER_API_SCENARIOS,
  ...CLR_SCENARIOS,
  ...CONSUMER_SCENARIOS,
];

export const SCENARIOS: ReadonlyMap<string, Scenario> = new Map(ALL_SCENARIOS.map((s) => [s.id, s]));

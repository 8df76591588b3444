import type { Scenario } from '../../engine/scenario.js';
import { providerApiAuthRefusals } from './provider-api-auth-refusals.js';
import { providerApiNotFoundAndMethod } from './provider-api-not-found-and-method.js';
import { providerGetAssertions } from './provider-get-assertions.js';
import { providerGetAssertionsBadQuery } from './provider-get-assertions-bad-query.js';
import { providerGetAssertionsPaging } from './provider-get-assertions-paging.js';
import { providerGetAssertionsSince } from './provider-get-assertions-since.js';
import { providerGetProfile } from './provider-get-profile.js';
import { providerPostAssertion } from './provider-post-assertion.js';
import { providerPostAssertionInvalid } from './provider-post-assertion-invalid.js';
import { providerPostAssertionScope } from './provider-post-assertion-scope.js';
import { providerPostAssertionUpdate } from './provider-post-assertion-update.js';
import { providerPostProfile } from './provider-post-profile.js';

/** Service Provider (Read): the API scenarios, run after OAuth setup, in the certification guide's order. */
export const READ_SCENARIOS: Scenario[] = [
  providerGetAssertions,
  providerGetAssertionsPaging,
  providerGetAssertionsSince,
  providerGetAssertionsBadQuery,
  providerGetProfile,
  providerApiAuthRefusals,
  providerApiNotFoundAndMethod,
];

/** Service Provider (Write): POST /assertions (required), then POST /profile (optional), then refusals. */
export const WRITE_SCENARIOS: Scenario[] = [
  providerPostAssertion,
  providerPostAssertionUpdate,
  providerPostAssertionInvalid,
  providerPostProfile,
  providerPostAssertionScope,
];

import type { Scenario } from '../../engine/scenario.js';
import { consumerClrAuthorize } from './consumer-clr-authorize.js';
import { consumerClrAuthorizeStateFresh } from './consumer-clr-authorize-state-fresh.js';
import { consumerClrAuthorizeStateMismatch } from './consumer-clr-authorize-state-mismatch.js';
import { consumerClrDiscoveryRegistration } from './consumer-clr-discovery-registration.js';
import { consumerClrExpiredToken } from './consumer-clr-expired-token.js';
import { consumerClrGetClrs } from './consumer-clr-get-clrs.js';
import { consumerClrGetClrsPaged } from './consumer-clr-get-clrs-paged.js';
import { consumerClrPostClr } from './consumer-clr-post-clr.js';
import { consumerClrRevokedGrant } from './consumer-clr-revoked-grant.js';
import { consumerClrToken } from './consumer-clr-token.js';
import { consumerObcAuthorize } from './consumer-obc-authorize.js';
import { consumerObcAuthorizeStateFresh } from './consumer-obc-authorize-state-fresh.js';
import { consumerObcAuthorizeStateMismatch } from './consumer-obc-authorize-state-mismatch.js';
import { consumerObcDiscoveryRegistration } from './consumer-obc-discovery-registration.js';
import { consumerObcExpiredToken } from './consumer-obc-expired-token.js';
import { consumerObcGetAssertions } from './consumer-obc-get-assertions.js';
import { consumerObcGetAssertionsPaged } from './consumer-obc-get-assertions-paged.js';
import { consumerObcGetProfile } from './consumer-obc-get-profile.js';
import { consumerObcPostAssertion } from './consumer-obc-post-assertion.js';
import { consumerObcPostError } from './consumer-obc-post-error.js';
import { consumerObcPostNarrowedGrant } from './consumer-obc-post-narrowed-grant.js';
import { consumerObcPostProfile } from './consumer-obc-post-profile.js';
import { consumerObcRevokedGrant } from './consumer-obc-revoked-grant.js';
import { consumerObcToken } from './consumer-obc-token.js';

/** Badge Connect Service Consumer (Read), in the certification guide's order, then the fault scenarios. */
export const OBC_CONSUMER_READ_SCENARIOS: Scenario[] = [
  consumerObcDiscoveryRegistration,
  consumerObcAuthorize,
  consumerObcToken,
  consumerObcGetAssertions,
  consumerObcGetProfile,
  consumerObcGetAssertionsPaged,
  consumerObcAuthorizeStateFresh,
  consumerObcAuthorizeStateMismatch,
  consumerObcExpiredToken,
  consumerObcRevokedGrant,
];

/** Badge Connect Service Consumer (Write): the shared OAuth scenarios, the writes, then the faults. */
export const OBC_CONSUMER_WRITE_SCENARIOS: Scenario[] = [
  consumerObcDiscoveryRegistration,
  consumerObcAuthorize,
  consumerObcToken,
  consumerObcPostAssertion,
  consumerObcPostProfile,
  consumerObcAuthorizeStateFresh,
  consumerObcAuthorizeStateMismatch,
  consumerObcPostError,
  consumerObcPostNarrowedGrant,
];

export const CLR_CONSUMER_SCENARIOS: Scenario[] = [
  consumerClrDiscoveryRegistration,
  consumerClrAuthorize,
  consumerClrToken,
  consumerClrGetClrs,
  consumerClrGetClrsPaged,
  consumerClrPostClr,
  consumerClrAuthorizeStateFresh,
  consumerClrAuthorizeStateMismatch,
  consumerClrExpiredToken,
  consumerClrRevokedGrant,
];

/** Each consumer scenario once. */
export const CONSUMER_SCENARIOS: Scenario[] = [
  ...new Set([...OBC_CONSUMER_READ_SCENARIOS, ...OBC_CONSUMER_WRITE_SCENARIOS, ...CLR_CONSUMER_SCENARIOS]),
];

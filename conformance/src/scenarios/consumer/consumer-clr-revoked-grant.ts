import type { Scenario } from '../../engine/scenario.js';
import { CLR } from './support/family.js';
import { revokedGrant } from './support/flow.js';

/** Built from the shared revokedGrant scenario; see support/flow.ts for what it checks. */
export const consumerClrRevokedGrant: Scenario = revokedGrant(CLR);

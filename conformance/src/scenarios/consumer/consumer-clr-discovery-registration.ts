import type { Scenario } from '../../engine/scenario.js';
import { CLR } from './support/family.js';
import { discoveryRegistration } from './support/flow.js';

/** Built from the shared discoveryRegistration scenario; see support/flow.ts for what it checks. */
export const consumerClrDiscoveryRegistration: Scenario = discoveryRegistration(CLR);

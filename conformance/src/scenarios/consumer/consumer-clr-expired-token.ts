import type { Scenario } from '../../engine/scenario.js';
import { CLR } from './support/family.js';
import { expiredToken } from './support/flow.js';

/** Built from the shared expiredToken scenario; see support/flow.ts for what it checks. */
export const consumerClrExpiredToken: Scenario = expiredToken(CLR);

import type { Scenario } from '../../engine/scenario.js';
import { CLR } from './support/family.js';
import { stateFresh } from './support/flow.js';

/** Built from the shared stateFresh scenario; see support/flow.ts for what it checks. */
export const consumerClrAuthorizeStateFresh: Scenario = stateFresh(CLR);

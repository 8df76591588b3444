import type { Scenario } from '../../engine/scenario.js';
import { CLR } from './support/family.js';
import { stateMismatch } from './support/flow.js';

/** Built from the shared stateMismatch scenario; see support/flow.ts for what it checks. */
export const consumerClrAuthorizeStateMismatch: Scenario = stateMismatch(CLR);

import type { Scenario } from '../../engine/scenario.js';
import { OBC } from './support/family.js';
import { token } from './support/flow.js';

/** Built from the shared token scenario; see support/flow.ts for what it checks. */
export const consumerObcToken: Scenario = token(OBC);

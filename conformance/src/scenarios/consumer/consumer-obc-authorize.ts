import type { Scenario } from '../../engine/scenario.js';
import { OBC } from './support/family.js';
import { authorize } from './support/flow.js';

/** Built from the shared authorize scenario; see support/flow.ts for what it checks. */
export const consumerObcAuthorize: Scenario = authorize(OBC);

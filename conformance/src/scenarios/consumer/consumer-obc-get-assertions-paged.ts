import type { Scenario } from '../../engine/scenario.js';
import { OBC } from './support/family.js';
import { pagedList } from './support/flow.js';

/** Built from the shared pagedList scenario; see support/flow.ts for what it checks. */
export const consumerObcGetAssertionsPaged: Scenario = pagedList(OBC, 'consumer-obc-get-assertions-paged');

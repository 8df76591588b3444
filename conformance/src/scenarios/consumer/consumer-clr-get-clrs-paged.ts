import type { Scenario } from '../../engine/scenario.js';
import { CLR } from './support/family.js';
import { pagedList } from './support/flow.js';

/** Built from the shared pagedList scenario; see support/flow.ts for what it checks. */
export const consumerClrGetClrsPaged: Scenario = pagedList(CLR, 'consumer-clr-get-clrs-paged');

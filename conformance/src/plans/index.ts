import type { Plan } from '../engine/scenario.js';
import { obcProviderRead } from './obc-provider-read.js';
import { obcProviderWrite } from './obc-provider-write.js';

export const PLANS: ReadonlyMap<string, Plan> = new Map([obcProviderRead, obcProviderWrite].map((p) => [p.id, p]));

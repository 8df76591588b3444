import type { Plan } from '../engine/scenario.js';
import { obcProviderRead } from './obc-provider-read.js';
import { obcProviderWrite } from './obc-provider-write.js';
import { clrProvider } from './clr-provider.js';
import { obcConsumerRead } from './obc-consumer-read.js';
import { obcConsumerWrite } from './obc-consumer-write.js';
import { clrConsumer } from './clr-consumer.js';

export const PLANS: ReadonlyMap<string, Plan> = new Map([obcProviderRead, obcProviderWrite, clrProvider, obcConsumerRead, obcConsumerWrite, clrConsumer].map((p) => [p.id, p]));

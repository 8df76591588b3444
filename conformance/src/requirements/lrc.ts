import type { Requirement } from './types.js';

/** Rules of the suite itself that an implementation can break (time limits). */
export const LRC_REQUIREMENTS: Requirement[] = [
  {
    id: 'LRC-RUN-TIMEOUT',
    source: 'LRC',
    section: 'timeout',
    level: 'MUST',
    summary: 'Each scenario completes within its time limit; a stalled exchange fails the scenario.',
    roles: ['obc-service-provider-read', 'obc-service-provider-write'],
    provenance: 'reconstruction',
  },
];

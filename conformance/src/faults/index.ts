import { expiredAccessToken } from './expired-access-token.js';
import { narrowedGrant } from './narrowed-grant.js';
import { pagedList } from './paged-list.js';
import { postErrorEnvelope } from './post-error-envelope.js';
import { revokedGrant } from './revoked-grant.js';
import { stateMismatch } from './state-mismatch.js';
import type { Fault } from './types.js';

export type { Fault, FaultEnv, TokenRecord } from './types.js';

/** Every emulator fault by name (the names of docs/CONTRACTS.md). */
export const FAULTS: ReadonlyMap<string, Fault> = new Map(
  [expiredAccessToken, revokedGrant, pagedList, stateMismatch, postErrorEnvelope, narrowedGrant].map((f) => [f.name, f]),
);

export type FaultName = 'expired-access-token' | 'revoked-grant' | 'paged-list' | 'state-mismatch' | 'post-error-envelope' | 'narrowed-grant';

export function faultByName(name: string): Fault {
  const fault = FAULTS.get(name);
  if (!fault) throw new Error(`unknown emulator fault "${name}"`);
  return fault;
}

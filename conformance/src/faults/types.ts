import type { Answer, Family, Incoming } from '../emulators/types.js';

/** Token as the emulated authorization server keeps it. */
export interface TokenRecord {
  value: string;
  kind: 'access' | 'refresh';
  clientId: string;
  scopes: string[];
  /** How an access token was obtained. */
  grant: 'authorization_code' | 'refresh_token';
  issuedAt: number;
  revoked: boolean;
  expired: boolean;
  /** The authorization code this token descends from (refreshes included), so a replay can revoke it. */
  fromCode?: string;
}

/** What a fault may do to the emulator while it answers. */
export interface FaultEnv {
  family: Family;
  /** Memory of this fault for the current scenario (e.g. "already fired"). */
  memory: Map<string, unknown>;
  /** Revokes every access and refresh token issued so far. */
  revokeAll(): void;
  /** The family's error envelope (Badge Connect status object or CLR imsx_StatusInfo). */
  error(status: number, reason: string): Answer;
}

/**
 * A named misbehaviour of the emulators, switched on by a negative scenario. Each hook is optional;
 * `requirements` names what a candidate shows by surviving it.
 */
export interface Fault {
  name: string;
  summary: string;
  requirements: string[];
  /** The scopes the person approves, out of those the authorization request may be granted. */
  grantScopes?(scopes: string[]): string[];
  /** State carried back by the authorization redirect instead of the one sent. */
  redirectState?(sent: string | undefined): string;
  /** Lists are cut at the default page size even when the candidate asks for more or gives no limit. */
  forcePaging?: boolean;
  /** Runs before an API handler, once the token is valid; an answer replaces the handler's. */
  beforeApi?(call: Incoming, token: TokenRecord, env: FaultEnv): Answer | undefined;
  /** Runs after a successful API answer. */
  afterApi?(call: Incoming, answer: Answer, env: FaultEnv): void;
  /** Runs before a write (POST) handler; an answer replaces the handler's. */
  beforeWrite?(call: Incoming, env: FaultEnv): Answer | undefined;
}

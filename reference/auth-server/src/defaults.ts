import type { Logger } from 'pino';
import type { Clock } from '../../shared/clock.js';
import { systemClock } from '../../shared/clock.js';
import type { DemoUser } from '../../shared/demo-users.js';
import { DEMO_USERS } from '../../shared/demo-users.js';
import { OFFERED_SCOPES } from './scopes.js';

/** A resource server (the provider app) allowed to call the introspection endpoint. */
export interface ResourceServerCredential {
  clientId: string;
  clientSecret: string;
}

/** Options of `createApp`. Every optional key has its default below. */
export interface AuthServerOptions {
  /** Public origin of this server, no trailing slash, e.g. `https://auth.example.com`. Used as RFC 8414 `issuer`, RFC 9207 `iss`, and to build endpoint URLs. Required. */
  issuer: string;
  /** SQLite file path, or `':memory:'` for tests. Required. */
  database: string;
  /** Time source (ms since the epoch); tests inject a fake clock to test expiry. */
  clock?: Clock;
  /** Names of deliberate misbehaviours to switch on (see `faults.ts`); an unknown name is an error. */
  faults?: string[];
  /** Credentials accepted by `POST /introspect` (RFC 7662 requires the caller to authenticate). */
  resourceServers: ResourceServerCredential[];
  /** Scopes offered to clients and advertised as `scopes_supported`. */
  scopes?: string[];
  /** Accounts seeded on start (idempotent: an existing username is left untouched). */
  users?: readonly DemoUser[];
  /** Lifetime of access tokens (`expires_in`). */
  accessTokenTtlSeconds?: number;
  /** Lifetime of each refresh token; a rotation issues a fresh one with a fresh lifetime. */
  refreshTokenTtlSeconds?: number;
  /** Lifetime of authorization codes; RFC 6749 §4.1.2 recommends at most 10 minutes. */
  codeTtlSeconds?: number;
  /** How long a sign-in/consent transaction (the pages between /authorize and the redirect) stays usable. */
  transactionTtlSeconds?: number;
  /** Lifetime of the browser session cookie set on sign-in. */
  sessionTtlSeconds?: number;
  /** Wrong passwords allowed per sign-in transaction before it is discarded. */
  maxLoginAttempts?: number;
  /** pino logger for one line per request; `false` turns logging off. Default: pino at `info` to stdout. */
  logger?: Logger | false;
}

export interface ResolvedOptions {
  issuer: string;
  database: string;
  clock: Clock;
  faults: string[];
  resourceServers: ResourceServerCredential[];
  scopes: string[];
  users: readonly DemoUser[];
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  codeTtlSeconds: number;
  transactionTtlSeconds: number;
  sessionTtlSeconds: number;
  maxLoginAttempts: number;
  logger: Logger | false | undefined;
}

export const DEFAULTS = {
  clock: systemClock,
  faults: [] as string[],
  scopes: OFFERED_SCOPES,
  users: DEMO_USERS,
  accessTokenTtlSeconds: 3600,
  refreshTokenTtlSeconds: 30 * 24 * 3600,
  codeTtlSeconds: 60,
  transactionTtlSeconds: 10 * 60,
  sessionTtlSeconds: 8 * 3600,
  maxLoginAttempts: 5,
} as const;

/** Cap for JSON and form bodies; larger bodies get 413. */
export const BODY_LIMIT = '100kb';

/** Name of the browser session cookie (HttpOnly, SameSite=Lax, Secure when the issuer is https). */
export const SESSION_COOKIE = 'auth_session';

export function resolveOptions(options: AuthServerOptions): ResolvedOptions {
  if (!options || typeof options.issuer !== 'string') throw new Error('createApp: `issuer` is required');
  const issuer = new URL(options.issuer);
  if (issuer.origin !== options.issuer) {
    throw new Error('createApp: `issuer` must be an origin without path or trailing slash');
  }
  if (typeof options.database !== 'string' || !options.database) throw new Error('createApp: `database` is required');
  if (!Array.isArray(options.resourceServers)) throw new Error('createApp: `resourceServers` is required');
  for (const rs of options.resourceServers) {
    if (!rs.clientId || !rs.clientSecret) throw new Error('createApp: each resource server needs clientId and clientSecret');
  }
  const positive = (name: string, value: number) => {
    if (!Number.isInteger(value) || value <= 0) throw new Error(`createApp: \`${name}\` must be a positive integer`);
    return value;
  };
  return {
    issuer: options.issuer,
    database: options.database,
    clock: options.clock ?? DEFAULTS.clock,
    faults: options.faults ?? DEFAULTS.faults,
    resourceServers: options.resourceServers,
    scopes: options.scopes ?? [...DEFAULTS.scopes],
    users: options.users ?? DEFAULTS.users,
    accessTokenTtlSeconds: positive('accessTokenTtlSeconds', options.accessTokenTtlSeconds ?? DEFAULTS.accessTokenTtlSeconds),
    refreshTokenTtlSeconds: positive('refreshTokenTtlSeconds', options.refreshTokenTtlSeconds ?? DEFAULTS.refreshTokenTtlSeconds),
    codeTtlSeconds: positive('codeTtlSeconds', options.codeTtlSeconds ?? DEFAULTS.codeTtlSeconds),
    transactionTtlSeconds: positive('transactionTtlSeconds', options.transactionTtlSeconds ?? DEFAULTS.transactionTtlSeconds),
    sessionTtlSeconds: positive('sessionTtlSeconds', options.sessionTtlSeconds ?? DEFAULTS.sessionTtlSeconds),
    maxLoginAttempts: positive('maxLoginAttempts', options.maxLoginAttempts ?? DEFAULTS.maxLoginAttempts),
    logger: options.logger,
  };
}

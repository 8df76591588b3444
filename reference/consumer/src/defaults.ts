/**
 * Documented configuration of the reference wallet (the Badge Connect / CLR consumer).
 * Every option of `createApp` that may be left out takes its value from here.
 */

/** Name the wallet registers under (RFC 7591 `client_name`) and shows in its pages. */
export const WALLET_NAME = 'LRC Reference Wallet';

/** RFC 7591 `software_id`: stable across every installation of this software. */
export const SOFTWARE_ID = 'urn:example:lrc-conformance:reference-wallet';

/** RFC 7591 `software_version`: changes with every release of the wallet. */
export const SOFTWARE_VERSION = '0.1.0';

/** Paths on the wallet's own origin named in its registration (all share the wallet's host, as OB 2.1 asks). */
export const PATHS = {
  about: '/about',
  logo: '/logo.svg',
  terms: '/terms',
  privacy: '/privacy',
  callback: '/callback',
} as const;

/**
 * The wallet's single local account. It is a demo value: set WALLET_USERNAME / WALLET_PASSWORD (server.ts)
 * for anything but a local demonstration.
 */
export const DEFAULT_OWNER = { username: 'learner', password: 'wallet-demo-password', name: 'Demo Learner' } as const;

/** Wallet sign-in sessions last this long (cookie and stored row). */
export const SESSION_TTL_SECONDS = 8 * 3600;

/** A started authorization (state, PKCE verifier) must come back within this time. */
export const AUTHORIZATION_TTL_SECONDS = 10 * 60;

/** Time allowed for one request to a provider or its authorization server. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** Largest provider response the wallet reads (larger ones are refused). */
export const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;

/** Most list pages followed in one sync: a provider whose `next` links never end is cut off here. */
export const MAX_PAGES = 200;

/** Form bodies above this are refused with 413. */
export const BODY_LIMIT_BYTES = 100 * 1024;

/** Fault `retry-forever`: pause between the calls it keeps making after the grant was revoked. */
export const RETRY_FOREVER_DELAY_MS = 250;

/** Server defaults (read by src/server.ts only). */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 5300;
export const DEFAULT_DATA_DIR = './data';

/** Headless `sync`: overall time limit in seconds when --timeout is not given. */
export const DEFAULT_SYNC_TIMEOUT_SECONDS = 60;

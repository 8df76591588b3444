/**
 * Documented configuration of the reference Badge Connect provider.
 * Every option of `createApp` that may be left out takes its value from here.
 */

/** Path prefix of the Badge Connect endpoints; the manifest's `apiBase` is origin + this (no trailing slash). */
export const API_BASE_PATH = '/ims/ob/v2p1';

/** Path prefix of the CLR 1.0 endpoints (discovery, clrs). */
export const CLR_BASE_PATH = '/ims/clr/v1p0';

/** Page size of GET /assertions when the client sends no `limit`. */
export const DEFAULT_PAGE_SIZE = 10;

/** Largest page GET /assertions returns; a larger `limit` is clamped to this rather than refused. */
export const MAX_PAGE_SIZE = 100;

/** JSON bodies above this are refused with 413 in the Badge Connect envelope. */
export const BODY_LIMIT_BYTES = 100 * 1024;

/**
 * How long an introspection answer is reused for the same token. The contract caps it at 5 s so a
 * revocation takes effect at once in practice; tests and the demo use 0 (no cache).
 */
export const DEFAULT_INTROSPECTION_CACHE_SECONDS = 5;
export const MAX_INTROSPECTION_CACHE_SECONDS = 5;

/** Time allowed for one introspection call before the request fails with 500. */
export const INTROSPECTION_TIMEOUT_MS = 5_000;

/** Manifest caching (SPEC21 §Requesting Manifests): consumers may cache it for five minutes. */
export const MANIFEST_CACHE_CONTROL = 'public, max-age=300';

/** Name shown to users by consumers (manifest `badgeConnectAPI[0].name`). */
export const PROVIDER_NAME = 'LRC Reference Badge Connect Provider';

/** Issuer profile of the badges the provider seeds and hosts itself. */
export const ISSUER_NAME = 'LRC Reference Issuer';
export const ISSUER_EMAIL = 'badges@example.org';

/** Name shown to users by CLR consumers (discovery `name`). */
export const CLR_PROVIDER_NAME = 'LRC Reference CLR Provider';

/** Publisher of the CLRs the provider seeds (served at /public/clr/publisher). */
export const CLR_PUBLISHER_NAME = 'Example State University (reference CLR publisher)';
export const CLR_PUBLISHER_EMAIL = 'registrar@example.org';

/** Endorser of the seed CLRs and achievements (served at /public/clr/endorser). */
export const CLR_ENDORSER_NAME = 'Example Accreditation Board';

/** Discovery caching: public and unchanging for the life of the app, like the manifest. */
export const DISCOVERY_CACHE_CONTROL = 'public, max-age=300';

/** RSA modulus length of the signing key generated on first start. */
export const SIGNING_KEY_BITS = 2048;

/** Server defaults (read by src/server.ts only). */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 5200;
export const DEFAULT_AUTH_ISSUER = 'http://127.0.0.1:5100';
export const DEFAULT_DATA_DIR = './data';
export const DEFAULT_RESOURCE_SERVER_ID = 'reference-provider';

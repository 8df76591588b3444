/** Shapes shared by the emulators, the faults and the consumer checks. */

/** Which emulated endpoint a request reached; checks select calls by it. */
export type Route =
  | 'as-metadata'
  | 'register'
  | 'authorize'
  | 'token'
  | 'revoke'
  | 'manifest'
  | 'get-assertions'
  | 'post-assertions'
  | 'get-profile'
  | 'post-profile'
  | 'discovery'
  | 'get-clrs'
  | 'get-clr'
  | 'post-clr'
  | 'delete-clr'
  | 'public'
  | 'draft-api'
  | 'unknown';

/** API routes: every one of them needs a bearer token. */
export const API_ROUTES: ReadonlySet<Route> = new Set<Route>([
  'get-assertions', 'post-assertions', 'get-profile', 'post-profile', 'get-clrs', 'get-clr', 'post-clr', 'delete-clr',
]);

export type Family = 'obc' | 'clr';

/** What the emulator learnt while answering; raw (may hold secrets), never emitted as is. */
export interface CallMeta {
  /** Code issued in the authorization redirect. */
  code?: string;
  /** state carried by the authorization redirect (differs from the request's under `state-mismatch`). */
  redirectState?: string;
  /** Token endpoint: grant type and the access token issued, if any. */
  grant?: string;
  issuedAccessToken?: string;
  /** API: how the presented token was judged. */
  token?: 'valid' | 'missing' | 'unknown' | 'expired' | 'revoked' | 'insufficient-scope';
  /** The access token the API call presented (header or query). */
  accessToken?: string;
  /** Name of a fault that changed this answer. */
  fault?: string;
  /** True on the call after which the fault `revoked-grant` revoked every token. */
  revokedAfter?: boolean;
  /** Token endpoint: the code presented had already been redeemed (its tokens are revoked). */
  replayedCode?: boolean;
}

/** One request the candidate sent, with the emulator's answer. Held raw in memory for the checks. */
export interface EmulatorCall {
  id: string;
  seq: number;
  /** ms since the epoch when the request arrived. */
  at: number;
  route: Route;
  method: string;
  /** Path without the query. */
  path: string;
  query: URLSearchParams;
  /** Lower-cased names. */
  headers: Record<string, string>;
  body: string;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: string;
  meta: CallMeta;
}

/** What a handler answers; the server records it and writes it out. */
export interface Answer {
  status: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON. */
  body?: unknown;
}

/** The request as handlers see it. */
export interface Incoming {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string;
  meta: CallMeta;
}

/** The test user the authorization endpoint signs in and approves for, at once. */
export const TEST_USER = {
  id: 'learner',
  name: 'Conformance Learner',
  email: 'learner@example.org',
} as const;

/** Scope URIs the emulators offer. */
export const OBC_SCOPES = [
  'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.readonly',
  'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.create',
  'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.readonly',
  'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.update',
] as const;
export const CLR_SCOPES = [
  'https://purl.imsglobal.org/spec/clr/v1p0/scope/readonly',
  'https://purl.imsglobal.org/spec/clr/v1p0/scope/replace',
  'https://purl.imsglobal.org/spec/clr/v1p0/scope/delete',
] as const;
/** The permission to receive a refresh token (OB 2.1 §Scopes); offered next to every API's scopes. */
export const OFFLINE_ACCESS = 'offline_access';

/**
 * What the emulators offer by default: a subset, as real providers do (Badgr's manifest has no
 * profile.update; a CLR provider need not let wallets delete). A candidate must read scopesOffered.
 */
export const OFFERED_SCOPES = {
  obc: [OBC_SCOPES[0], OBC_SCOPES[1], OBC_SCOPES[2]],
  clr: [CLR_SCOPES[0], CLR_SCOPES[1]],
} as const satisfies Record<'obc' | 'clr', readonly string[]>;

/**
 * Page sizes: `default` without a limit, and the largest page served whatever limit is asked (OB 2.1
 * lets a provider cap it). The seeds are larger than `max`, so every walk needs at least two pages.
 */
export const PAGE_SIZE = { obc: 5, clr: 3 } as const;
export const PAGE_MAX = { obc: 10, clr: 5 } as const;
export const SEED_SIZE = { obc: 12, clr: 7 } as const;

/** Emulator paths, relative to its origin. */
export const PATHS = {
  asMetadata: '/.well-known/oauth-authorization-server',
  register: '/oauth/register',
  authorize: '/oauth/authorize',
  token: '/oauth/token',
  revoke: '/oauth/revoke',
  manifest: '/.well-known/badgeconnect.json',
  obcBase: '/ims/ob/v2p1',
  /** apiBase of the draft Badge Connect v1p0 entry the manifest lists first (as Badgr served it). */
  obcDraftBase: '/bcv1',
  clrBase: '/ims/clr/v1p0',
  public: '/public',
} as const;

/**
 * What scenarios leave for each other in PlanState, under these keys. The OAuth scenarios produce
 * them; the API scenarios consume them through ctx.need(...).
 */
export const STATE = {
  /** DiscoveredApi: the manifest entry the run uses. */
  api: 'api',
  /** RegisteredClient from dynamic registration. */
  client: 'client',
  /** TokenSet from the main authorization of the plan (all scopes the plan needs). */
  tokens: 'tokens',
} as const;

export interface DiscoveredApi {
  manifestUrl: string;
  /** The whole manifest document as received. */
  manifest: Record<string, unknown>;
  /** The badgeConnectAPI entry chosen (the first with version v2p1). */
  apiBase: string;
  version: string;
  scopesOffered: string[];
  registrationUrl: string;
  authorizationUrl: string;
  tokenUrl: string;
  tokenRevocationUrl?: string;
}

export interface RegisteredClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** The scopes the registration granted (response `scope`, or those requested when absent). */
  scopes: string[];
  grantTypes: string[];
}

export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  tokenType: string;
  /** Scopes granted, from the token response (or requested ones when the response omits `scope`). */
  scopes: string[];
  expiresIn?: number;
  obtainedAt: number;
}

/** Badge Connect scope URIs. */
export const SCOPES = {
  assertionRead: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.readonly',
  assertionCreate: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.create',
  profileRead: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.readonly',
  profileUpdate: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.update',
  offlineAccess: 'offline_access',
} as const;

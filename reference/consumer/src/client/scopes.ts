/** Exact scope strings (OB 2.1 §Scopes, CLR 1.0). The first of each list is the one the wallet cannot do without. */
export const OBC_SCOPES = {
  assertionReadonly: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.readonly',
  assertionCreate: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.create',
  profileReadonly: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.readonly',
} as const;

export const CLR_SCOPES = {
  readonly: 'https://purl.imsglobal.org/spec/clr/v1p0/scope/readonly',
} as const;

export const OFFLINE_ACCESS = 'offline_access';

export const API_SCOPES: Record<'badge-connect' | 'clr', readonly string[]> = {
  'badge-connect': [OBC_SCOPES.assertionReadonly, OBC_SCOPES.assertionCreate, OBC_SCOPES.profileReadonly],
  clr: [CLR_SCOPES.readonly],
};

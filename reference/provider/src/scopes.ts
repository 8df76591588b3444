/** The four Badge Connect scope URIs (SPEC21 §Scopes), exact strings. */
export const SCOPES = {
  assertionReadonly: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.readonly',
  assertionCreate: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.create',
  profileReadonly: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.readonly',
  profileUpdate: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.update',
} as const;

export const SCOPES_OFFERED: readonly string[] = Object.values(SCOPES);

/** The three CLR 1.0 scope URIs (CLR 1.0 REST binding), exact strings. */
export const CLR_SCOPES = {
  readonly: 'https://purl.imsglobal.org/spec/clr/v1p0/scope/readonly',
  replace: 'https://purl.imsglobal.org/spec/clr/v1p0/scope/replace',
  delete: 'https://purl.imsglobal.org/spec/clr/v1p0/scope/delete',
} as const;

export const CLR_SCOPES_OFFERED: readonly string[] = Object.values(CLR_SCOPES);

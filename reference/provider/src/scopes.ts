/** The four Badge Connect scope URIs (SPEC21 §Scopes), exact strings. */
export const SCOPES = {
  assertionReadonly: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.readonly',
  assertionCreate: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.create',
  profileReadonly: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.readonly',
  profileUpdate: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.update',
} as const;

export const SCOPES_OFFERED: readonly string[] = Object.values(SCOPES);

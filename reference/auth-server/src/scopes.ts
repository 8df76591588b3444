/** The Badge Connect scopes (OB 2.1 §Scopes), exact strings. */
export const BADGE_CONNECT_SCOPES = {
  assertionReadonly: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.readonly',
  assertionCreate: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.create',
  profileReadonly: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.readonly',
  profileUpdate: 'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.update',
} as const;

/** The CLR 1.0 scopes, exact strings (the provider serves CLR next to Badge Connect). */
export const CLR_SCOPES = {
  readonly: 'https://purl.imsglobal.org/spec/clr/v1p0/scope/readonly',
  replace: 'https://purl.imsglobal.org/spec/clr/v1p0/scope/replace',
  delete: 'https://purl.imsglobal.org/spec/clr/v1p0/scope/delete',
} as const;

/** Permission to receive a refresh token. */
export const OFFLINE_ACCESS = 'offline_access';

export const OFFERED_SCOPES: readonly string[] = [
  ...Object.values(BADGE_CONNECT_SCOPES),
  ...Object.values(CLR_SCOPES),
  OFFLINE_ACCESS,
];

/** Plain words for the consent and account pages. */
const DESCRIPTIONS: Record<string, string> = {
  [BADGE_CONNECT_SCOPES.assertionReadonly]: 'Read your badges',
  [BADGE_CONNECT_SCOPES.assertionCreate]: 'Add badges to your backpack',
  [BADGE_CONNECT_SCOPES.profileReadonly]: 'Read your profile (name and email)',
  [BADGE_CONNECT_SCOPES.profileUpdate]: 'Update your profile',
  [CLR_SCOPES.readonly]: 'Read your learner records (CLRs)',
  [CLR_SCOPES.replace]: 'Add or replace learner records (CLRs)',
  [CLR_SCOPES.delete]: 'Delete learner records (CLRs)',
  [OFFLINE_ACCESS]: 'Keep this access while you are away (until you revoke it)',
};

export function describeScope(scope: string): string {
  return DESCRIPTIONS[scope] ?? scope;
}

/** RFC 6749 §3.3 scope-token: printable ASCII except space, `"` and `\`. */
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

/** Splits a space-delimited scope string; returns null when malformed. Duplicates are dropped. */
export function parseScope(value: string): string[] | null {
  const parts = value.split(' ').filter((s) => s !== '');
  if (parts.length === 0 || !parts.every((s) => SCOPE_TOKEN.test(s))) return null;
  return [...new Set(parts)];
}

export function formatScope(scopes: readonly string[]): string {
  return scopes.join(' ');
}

export function isSubset(requested: readonly string[], allowed: readonly string[]): boolean {
  return requested.every((s) => allowed.includes(s));
}

import { createHash } from 'node:crypto';

/**
 * Does an OB 2.0 IdentityObject name this profile? (SPEC20 IdentityObject; VAL "expected recipient profile".)
 * Candidate values are the profile's values for the identity type (`email`, `url`, `telephone`, or `id`);
 * hashed identities are compared as `alg$hex(alg(candidate + salt))`, case-insensitively.
 */
export function recipientMatchesProfile(recipient: unknown, profile: Record<string, unknown>): boolean {
  if (typeof recipient !== 'object' || recipient === null) return false;
  const r = recipient as Record<string, unknown>;
  if (typeof r.type !== 'string' || typeof r.identity !== 'string') return false;
  const candidates = valuesOf(profile[r.type]);
  const salt = typeof r.salt === 'string' ? r.salt : '';
  if (r.hashed === true) {
    const match = /^(sha256|md5)\$([0-9a-f]+)$/i.exec(r.identity);
    if (!match) return false;
    const alg = (match[1] as string).toLowerCase();
    const expected = (match[2] as string).toLowerCase();
    return candidates.some((c) => createHash(alg).update(c + salt).digest('hex') === expected);
  }
  // Emails compare case-insensitively (as VAL does); other identifiers exactly.
  const norm = (s: string) => (r.type === 'email' ? s.trim().toLowerCase() : s.trim());
  return candidates.some((c) => norm(c) === norm(r.identity as string));
}

function valuesOf(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

import { createHash } from 'node:crypto';
import { CompactSign, generateKeyPair } from 'jose';

/** An OB 2.0 assertion issued elsewhere (example.org) to `email`, hosted verification. */
export function foreignAssertion(email: string, n: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'Assertion',
    id: `https://example.org/assertions/${n}`,
    recipient: { type: 'email', hashed: false, identity: email },
    badge: 'https://example.org/badges/gardening',
    verification: { type: 'HostedBadge' },
    issuedOn: '2025-06-01T12:00:00Z',
    ...extra,
  };
}

export function hashedRecipient(email: string, salt: string) {
  return { type: 'email', hashed: true, salt, identity: `sha256$${createHash('sha256').update(email + salt).digest('hex')}` };
}

/** Signs a payload with a fresh foreign RSA key (creator under example.org). */
export async function signForeign(payload: object): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'RS256' })
    .sign(privateKey);
}

export function signedForeignAssertion(email: string, n: number): Record<string, unknown> {
  return foreignAssertion(email, n, {
    id: `urn:uuid:0b6a3c1e-5d2f-4a8b-9c7d-${String(n).padStart(12, '0')}`,
    verification: { type: 'SignedBadge', creator: 'https://example.org/keys/1' },
  });
}

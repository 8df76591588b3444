import { createHash } from 'node:crypto';
import { CompactSign, exportSPKI, generateKeyPair } from 'jose';
import type { Fetcher } from '../../../../verification/src/index.js';

const OB2 = 'https://w3id.org/openbadges/v2';
export const FOREIGN_ISSUER = 'https://example.org/issuer';
export const FOREIGN_BADGE = 'https://example.org/badges/gardening';
export const FOREIGN_KEY = 'https://example.org/keys/1';

/** Documents a foreign issuer publishes, by URL; tests add hosted assertions to it. */
export type Published = Map<string, Record<string, unknown>>;

/** An OB 2.0 assertion issued elsewhere (example.org) to `email`, hosted verification. */
export function foreignAssertion(email: string, n: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': OB2,
    type: 'Assertion',
    id: `https://example.org/assertions/${n}`,
    recipient: { type: 'email', hashed: false, identity: email },
    badge: FOREIGN_BADGE,
    verification: { type: 'HostedBadge' },
    issuedOn: '2025-06-01T12:00:00Z',
    ...extra,
  };
}

/** Publishes a hosted assertion at its id (as its issuer would) and returns it, for posting. */
export function publish(published: Published, assertion: Record<string, unknown>): Record<string, unknown> {
  published.set(String(assertion.id), assertion);
  return assertion;
}

export function hashedRecipient(email: string, salt: string) {
  return { type: 'email', hashed: true, salt, identity: `sha256$${createHash('sha256').update(email + salt).digest('hex')}` };
}

type SignKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let foreignKey: Promise<{ privateKey: SignKey; pem: string }> | undefined;
/** The foreign issuer's RSA key, made once (slow). */
function issuerKey() {
  foreignKey ??= (async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    return { privateKey: pair.privateKey, pem: await exportSPKI(pair.publicKey) };
  })();
  return foreignKey;
}

/** The foreign issuer's profile, badge class and key, as published under example.org. */
export async function foreignIssuerDocuments(): Promise<Published> {
  const { pem } = await issuerKey();
  return new Map<string, Record<string, unknown>>([
    [FOREIGN_ISSUER, { '@context': OB2, type: 'Issuer', id: FOREIGN_ISSUER, name: 'Example Gardening Club', url: 'https://example.org', email: 'club@example.org', publicKey: FOREIGN_KEY }],
    [FOREIGN_BADGE, { '@context': OB2, type: 'BadgeClass', id: FOREIGN_BADGE, name: 'Gardening', description: 'Grew something.', image: 'https://example.org/badges/gardening.png', criteria: { narrative: 'Grow a plant.' }, issuer: FOREIGN_ISSUER }],
    [FOREIGN_KEY, { '@context': OB2, type: 'CryptographicKey', id: FOREIGN_KEY, owner: FOREIGN_ISSUER, publicKeyPem: pem }],
  ]);
}

/** Serves the published documents; anything else is not found (never the network). */
export function publishedFetcher(published: Published): Fetcher {
  return async (url) => {
    const doc = published.get(url);
    return doc
      ? { ok: true, url, status: 200, contentType: 'application/ld+json', body: JSON.stringify(doc) }
      : { ok: false, url, reason: 'not-found', message: `nothing published at ${url}` };
  };
}

/** Signs a payload with the foreign issuer's published key, or with a fresh key nobody publishes. */
export async function signForeign(payload: object, key: 'issuer' | 'unpublished' = 'issuer'): Promise<string> {
  const privateKey = key === 'issuer' ? (await issuerKey()).privateKey : (await generateKeyPair('RS256')).privateKey;
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
}

export function signedForeignAssertion(email: string, n: number): Record<string, unknown> {
  return foreignAssertion(email, n, {
    id: `urn:uuid:0b6a3c1e-5d2f-4a8b-9c7d-${String(n).padStart(12, '0')}`,
    verification: { type: 'SignedBadge', creator: FOREIGN_KEY },
  });
}

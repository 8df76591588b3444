import { CLR_ENDORSER_NAME, CLR_PUBLISHER_EMAIL, CLR_PUBLISHER_NAME } from '../defaults.js';
import type { SigningKey } from '../store/keys.js';
import { CLR_CONTEXT, type ProviderUrls } from '../urls.js';

/**
 * CLR 1.0 documents the provider publishes as the publisher of its seed CLRs (served under /public/clr/).
 * Embedded copies (inside a Clr) leave out `@context`, which only standalone documents carry.
 */

/** Slug of the one seeded CLR on the revocation list (stored, fetchable, never listed). */
export const REVOKED_CLR_SLUG = 'alice-revoked';

/** Host names allowed to host the publisher's objects: with and without the port, as verifiers differ. */
export function allowedOrigins(urls: ProviderUrls): string[] {
  const u = new URL(urls.origin);
  return [...new Set([u.host, u.hostname])];
}

/** `wrongOwner` is fault clr-key-wrong-owner, applied only to the served documents, never to seed copies. */
export function clrKeyDocument(urls: ProviderUrls, key: SigningKey, wrongOwner = false): Record<string, unknown> {
  return {
    type: 'CryptographicKey',
    id: urls.clrKey(key.kid),
    // Under the fault: a real profile of ours, but not the CLR publisher.
    owner: wrongOwner ? urls.clrEndorser : urls.clrPublisher,
    publicKeyPem: key.publicKeyPem,
  };
}

/** The publisher: lists its key (`publicKey`), its revocation list and its hosting policy. */
export function publisherProfile(urls: ProviderUrls, key: SigningKey, wrongOwner = false): Record<string, unknown> {
  return {
    type: 'Profile',
    id: urls.clrPublisher,
    name: CLR_PUBLISHER_NAME,
    url: urls.origin,
    email: CLR_PUBLISHER_EMAIL,
    image: urls.logo,
    official: 'Office of the Registrar',
    publicKey: clrKeyDocument(urls, key, wrongOwner),
    revocationList: urls.clrRevocationList,
    verification: { type: 'Verification', allowedOrigins: allowedOrigins(urls), startsWith: [urls.origin + '/'] },
  };
}

/** Short form used as the issuer of achievements (the full profile is one fetch away). */
export function publisherRef(urls: ProviderUrls): Record<string, unknown> {
  return { type: 'Profile', id: urls.clrPublisher, name: CLR_PUBLISHER_NAME, url: urls.origin };
}

export function endorserProfile(urls: ProviderUrls): Record<string, unknown> {
  return {
    type: 'Profile',
    id: urls.clrEndorser,
    name: CLR_ENDORSER_NAME,
    url: urls.origin,
    email: 'accreditation@example.org',
    verification: { type: 'Verification', allowedOrigins: allowedOrigins(urls) },
  };
}

export function clrRevocationList(urls: ProviderUrls): Record<string, unknown> {
  return {
    type: 'RevocationList',
    id: urls.clrRevocationList,
    issuer: urls.clrPublisher,
    revokedAssertions: [urls.clr(REVOKED_CLR_SLUG)],
  };
}

/** Standalone form of a document: CLR context first. */
export const standalone = (doc: Record<string, unknown>): Record<string, unknown> => ({ '@context': CLR_CONTEXT, ...doc });

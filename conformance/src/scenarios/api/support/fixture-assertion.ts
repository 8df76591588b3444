import { randomUUID } from 'node:crypto';

/** OB 2.0 context, the only one the posted documents use (bundled in the offline loader). */
export const OB20_CONTEXT = 'https://w3id.org/openbadges/v2';

/** Recipient used when the suite cannot read the user's profile (no profile.readonly offered). */
export const FALLBACK_RECIPIENT = 'conformance-recipient@example.org';

const ORIGIN = 'https://example.org/conformance';

/** ISO 8601 without milliseconds, a minute in the past so no clock skew makes it "in the future". */
const issuedNow = (): string => new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000).toISOString().replace('.000Z', 'Z');

/**
 * A fresh OB 2.0 Assertion shape: new `urn:uuid` id on every call, BadgeClass and Issuer embedded (ids under
 * example.org, never fetched), recipient by plaintext email. It cannot be verified (a hosted assertion's id
 * must be the HTTP(S) URL it is served at), so the provider scenarios post it only as the base of
 * deliberately invalid documents (ASSERTION_MUTATIONS); valid posts use supplied or listed ones (postable.ts).
 */
export function buildAssertion(recipientEmail: string, narrative = 'Posted by the LRC conformance suite.'): Record<string, unknown> {
  return {
    '@context': OB20_CONTEXT,
    type: 'Assertion',
    id: `urn:uuid:${randomUUID()}`,
    recipient: { type: 'email', hashed: false, identity: recipientEmail },
    badge: {
      type: 'BadgeClass',
      id: `${ORIGIN}/badges/badge-connect-write`,
      name: 'Badge Connect Write Conformance',
      description: 'Awarded to show that a Badge Connect provider stores posted assertions.',
      image: `${ORIGIN}/badges/badge-connect-write.png`,
      criteria: { narrative: 'Posted by the conformance suite during a certification run.' },
      issuer: {
        type: 'Issuer',
        id: `${ORIGIN}/issuer`,
        name: 'LRC Conformance Suite Test Issuer',
        url: 'https://example.org/',
        email: 'issuer@example.org',
      },
    },
    verification: { type: 'HostedBadge' },
    issuedOn: issuedNow(),
    narrative,
  };
}

/** Named mutations of a valid assertion, each breaking one OB 2.0 rule. */
export const ASSERTION_MUTATIONS = {
  'missing-recipient': (a: Record<string, unknown>) => {
    const { recipient: _r, ...rest } = a;
    return rest;
  },
  'missing-badge': (a: Record<string, unknown>) => {
    const { badge: _b, ...rest } = a;
    return rest;
  },
} as const;

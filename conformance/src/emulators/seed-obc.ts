import { TEST_USER } from './types.js';

/** OB 2.0 context (bundled in the offline JSON-LD loader). */
export const OB20_CONTEXT = 'https://w3id.org/openbadges/v2';

/** Seed dates: one day apart, newest first, fixed so runs are repeatable. */
const BASE_TIME = Date.UTC(2026, 0, 31, 12, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

export interface ObcSeed {
  /** Newest first, as OB 2.1 asks lists to be ordered. */
  assertions: Record<string, unknown>[];
  profile: Record<string, unknown>;
  /** Public documents for hosted verification, by path under the emulator origin. */
  documents: Map<string, Record<string, unknown>>;
}

export function issuerProfile(origin: string): Record<string, unknown> {
  return {
    '@context': OB20_CONTEXT,
    type: 'Issuer',
    id: `${origin}/public/issuer`,
    name: 'Conformance Emulator Issuer',
    url: 'https://example.org/',
    email: 'issuer@example.org',
  };
}

export function badgeClass(origin: string, n: number): Record<string, unknown> {
  return {
    '@context': OB20_CONTEXT,
    type: 'BadgeClass',
    id: `${origin}/public/badges/${n}`,
    name: `Emulator Badge ${n}`,
    description: `Badge ${n} awarded by the conformance emulator.`,
    image: `https://example.org/badges/${n}.png`,
    criteria: { narrative: 'Seeded by the conformance suite.' },
    issuer: `${origin}/public/issuer`,
  };
}

/** A hosted OB 2.0 Assertion for the test user; `n` orders them (0 = newest). */
export function seedAssertion(origin: string, n: number): Record<string, unknown> {
  return {
    '@context': OB20_CONTEXT,
    type: 'Assertion',
    id: `${origin}/public/assertions/${n + 1}`,
    recipient: { type: 'email', hashed: false, identity: TEST_USER.email },
    badge: `${origin}/public/badges/${(n % 3) + 1}`,
    verification: { type: 'HostedBadge' },
    issuedOn: iso(BASE_TIME - n * 86_400_000),
  };
}

export function userProfile(origin: string): Record<string, unknown> {
  return {
    '@context': OB20_CONTEXT,
    type: 'Profile',
    id: `${origin}/public/profiles/${TEST_USER.id}`,
    name: TEST_USER.name,
    email: TEST_USER.email,
  };
}

export function buildObcSeed(origin: string, count: number): ObcSeed {
  const assertions = Array.from({ length: count }, (_, n) => seedAssertion(origin, n));
  const documents = new Map<string, Record<string, unknown>>();
  documents.set('/public/issuer', issuerProfile(origin));
  for (let k = 1; k <= 3; k++) documents.set(`/public/badges/${k}`, badgeClass(origin, k));
  for (const a of assertions) documents.set(new URL(a.id as string).pathname, a);
  return { assertions, profile: userProfile(origin), documents };
}

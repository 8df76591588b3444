import { TEST_USER } from './types.js';

export const CLR_CONTEXT = 'https://purl.imsglobal.org/spec/clr/v1p0/context/clr_v1p0.jsonld';

const BASE_TIME = Date.UTC(2026, 0, 31, 12, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function publisher(origin: string): Record<string, unknown> {
  return { id: `${origin}/public/clr-publisher`, type: 'Profile', name: 'Conformance Emulator College', email: 'registrar@example.org', url: 'https://example.org/' };
}

/**
 * A CLR 1.0 record for the test user: one course assertion with its achievement. `n` orders them
 * (0 = newest); the id is its getClr URL as the binding asks.
 */
export function seedClr(origin: string, n: number): Record<string, unknown> {
  const id = `${origin}/ims/clr/v1p0/clrs/clr-${n + 1}`;
  const issued = iso(BASE_TIME - n * 86_400_000);
  return {
    id,
    type: 'Clr',
    name: `Emulator transcript ${n + 1}`,
    issuedOn: issued,
    learner: { id: `urn:example:learner:${TEST_USER.id}`, type: 'Profile', name: TEST_USER.name, email: TEST_USER.email },
    publisher: publisher(origin),
    assertions: [
      {
        id: `${id}/assertions/1`,
        type: 'Assertion',
        recipient: { type: 'email', hashed: false, identity: TEST_USER.email },
        issuedOn: issued,
        achievement: {
          id: `${origin}/public/clr-achievements/${(n % 3) + 1}`,
          type: 'Achievement',
          achievementType: 'Course',
          name: `Emulator Course ${(n % 3) + 1}`,
          issuer: publisher(origin),
        },
      },
    ],
  };
}

/** Newest first. */
export function buildClrSeed(origin: string, count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, n) => seedClr(origin, n));
}

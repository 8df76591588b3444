import { createHash } from 'node:crypto';
import type { DemoUser } from '../../../shared/demo-users.js';
import { BADGE_CATALOG, type BadgeDefinition } from './catalog.js';

/** How many assertions each demo user holds; alice needs five pages at limit 5, others a few. */
export const SEED_COUNTS: Readonly<Record<string, number>> = { alice: 23, bob: 5 };
export const DEFAULT_SEED_COUNT = 5;

/** 1-based positions that are held only as signed assertions (SignedBadge, compact JWS). */
export const SIGNED_POSITIONS: Readonly<Record<string, readonly number[]>> = { alice: [4, 9, 14, 19], bob: [3] };
const DEFAULT_SIGNED_POSITIONS = [3];

/** First issue date of the seed; later ones follow at distinct times, all in the past. */
export const SEED_EPOCH_MS = Date.UTC(2024, 0, 15, 9, 0, 0);
const DAY_MS = 86_400_000;

export interface SeedAssertionPlan {
  /** Stable short name, e.g. `alice-07`; the hosted URL path segment for hosted ones. */
  slug: string;
  position: number;
  signed: boolean;
  badge: BadgeDefinition;
  issuedOn: number;
  /** Last update (the sort key of GET /assertions); distinct for every seeded assertion of a user. */
  updatedAt: number;
  /** Recipient email hashed with a salt on even positions, plain on odd ones (both forms are exercised). */
  hashed: boolean;
  salt: string;
}

/** RFC 4122 version-4-shaped UUID derived from a name, so signed seed ids are stable across restarts. */
export function stableUuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function seedPlan(user: DemoUser, userIndex: number): SeedAssertionPlan[] {
  const count = SEED_COUNTS[user.username] ?? DEFAULT_SEED_COUNT;
  const signed = SIGNED_POSITIONS[user.username] ?? DEFAULT_SIGNED_POSITIONS;
  const plans: SeedAssertionPlan[] = [];
  for (let position = 1; position <= count; position++) {
    const slug = `${user.username}-${String(position).padStart(2, '0')}`;
    const issuedOn = SEED_EPOCH_MS + (position - 1) * 3 * DAY_MS + userIndex * 30 * 60_000;
    plans.push({
      slug,
      position,
      signed: signed.includes(position),
      badge: BADGE_CATALOG[(position - 1 + userIndex) % BADGE_CATALOG.length] as BadgeDefinition,
      issuedOn,
      // Some records were "updated" after issue, so update order is not just issue order shifted.
      updatedAt: issuedOn + (position % 4) * 3_600_000,
      hashed: position % 2 === 0,
      salt: createHash('sha256').update(`salt:${slug}`).digest('hex').slice(0, 16),
    });
  }
  return plans;
}

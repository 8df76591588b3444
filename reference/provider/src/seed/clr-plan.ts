import type { DemoUser } from '../../../shared/demo-users.js';
import { REVOKED_CLR_SLUG } from '../clr/public-documents.js';
import { TERMS } from './clr-catalog.js';

/** How many listed CLRs each demo user holds (docs/CONTRACTS.md: alice 7, bob 2). */
export const CLR_SEED_COUNTS: Readonly<Record<string, number>> = { alice: 7, bob: 2 };
const DEFAULT_CLR_SEED_COUNT = 2;

/** 1-based positions held only as signed CLRs (compact JWS, RS256). */
export const CLR_SIGNED_POSITIONS: Readonly<Record<string, readonly number[]>> = { alice: [2, 5, 7] };

/** First CLR publication (after the first term); one more after each later term, all in the past. */
export const CLR_SEED_EPOCH_MS = Date.UTC(2022, 11, 20, 10, 0, 0);
const DAY_MS = 86_400_000;

export interface ClrSeedPlan {
  /** Path segment of the getClr URL, e.g. `alice-03`. */
  slug: string;
  position: number;
  signed: boolean;
  /** False only for the revoked sample, which is stored and fetchable but not listed. */
  listed: boolean;
  term: string;
  issuedOn: number;
  /** Last update (the sort key of GET /clrs); distinct for every seeded CLR of a user. */
  updatedAt: number;
  /** Recipient identities hashed with a salt on even positions, plain email on odd ones. */
  hashed: boolean;
}

export function clrSeedPlan(user: DemoUser, userIndex: number): ClrSeedPlan[] {
  const count = CLR_SEED_COUNTS[user.username] ?? DEFAULT_CLR_SEED_COUNT;
  const signed = CLR_SIGNED_POSITIONS[user.username] ?? [];
  const plan = (position: number, slug: string, isSigned: boolean, listed: boolean): ClrSeedPlan => {
    const issuedOn = CLR_SEED_EPOCH_MS + (position - 1) * 120 * DAY_MS + userIndex * 30 * 60_000;
    return {
      slug,
      position,
      signed: isSigned,
      listed,
      term: TERMS[Math.min(position, TERMS.length) - 1] as string,
      issuedOn,
      updatedAt: issuedOn + (position % 3) * 3_600_000,
      hashed: position % 2 === 0,
    };
  };
  const plans: ClrSeedPlan[] = [];
  for (let position = 1; position <= count; position++) {
    plans.push(plan(position, `${user.username}-${String(position).padStart(2, '0')}`, signed.includes(position), true));
  }
  if (`${user.username}-revoked` === REVOKED_CLR_SLUG) plans.push(plan(count + 1, REVOKED_CLR_SLUG, true, false));
  return plans;
}

import type { DemoUser } from '../../../shared/demo-users.js';
import type { SqliteDatabase } from '../../../shared/sqlite.js';
import { signAssertion } from '../badges/sign.js';
import { ClrRepository } from '../store/clrs.js';
import type { SigningKey } from '../store/keys.js';
import { MetaRepository } from '../store/meta.js';
import type { ProviderUrls } from '../urls.js';
import { seedClrDoc } from './clr-documents.js';
import { clrSeedPlan } from './clr-plan.js';

/** The user's signed OB 2.0 seed assertions (compact JWS), embedded in their CLRs' `signedAssertions`. */
export type SignedOpenBadges = (user: DemoUser, userIndex: number) => string[];

/** Bumped when the shape of the seed CLRs changes, so existing data directories are re-seeded. */
const CLR_SEED_VERSION = 'clr-3';

/**
 * Writes the seed CLRs (inside the caller's transaction). They embed the public origin and the key URL,
 * so they are rebuilt when either changed; user-posted CLRs are kept.
 */
export function seedClrs(
  db: SqliteDatabase,
  users: readonly DemoUser[],
  urls: ProviderUrls,
  key: SigningKey,
  signedOpenBadges: SignedOpenBadges,
): void {
  const meta = new MetaRepository(db);
  const clrs = new ClrRepository(db);
  const fingerprint = `${CLR_SEED_VERSION} ${urls.origin} ${key.kid}`;
  if (meta.get('clr_seed_fingerprint') === fingerprint) return;
  clrs.deleteSeeded();
  users.forEach((user, userIndex) => {
    const badges = signedOpenBadges(user, userIndex);
    for (const plan of clrSeedPlan(user, userIndex)) {
      const json = seedClrDoc(user, plan, urls, key, badges[(plan.position - 1) % Math.max(1, badges.length)] ?? null);
      // signAssertion signs any JSON object (RS256 compact JWS, `kid` = the key document URL).
      const jws = plan.signed ? signAssertion(json, key, urls.clrKey(key.kid)) : null;
      clrs.insertSeed({
        userId: user.id,
        clrId: json.id as string,
        json,
        jws,
        listed: plan.listed,
        createdAt: plan.issuedOn,
        updatedAt: plan.updatedAt,
      });
    }
  });
  meta.set('clr_seed_fingerprint', fingerprint);
}

import { createHash } from 'node:crypto';
import type { DemoUser } from '../../../shared/demo-users.js';
import type { SqliteDatabase } from '../../../shared/sqlite.js';
import { signAssertion } from '../badges/sign.js';
import { AssertionRepository } from '../store/assertions.js';
import type { SigningKey } from '../store/keys.js';
import { MetaRepository } from '../store/meta.js';
import { ProfileRepository } from '../store/profiles.js';
import { OB2_CONTEXT, type ProviderUrls } from '../urls.js';
import { seedClrs } from './seed-clrs.js';
import { seedPlan, stableUuid, type SeedAssertionPlan } from './seed-plan.js';

export function seedProfile(user: DemoUser): Record<string, unknown> {
  return { '@context': OB2_CONTEXT, id: user.id, type: 'Profile', name: user.name, email: user.email };
}

export function seedAssertionDoc(
  user: DemoUser,
  plan: SeedAssertionPlan,
  urls: ProviderUrls,
  key: SigningKey,
): Record<string, unknown> {
  const recipient = plan.hashed
    ? {
        type: 'email',
        hashed: true,
        salt: plan.salt,
        identity: 'sha256$' + createHash('sha256').update(user.email + plan.salt).digest('hex'),
      }
    : { type: 'email', hashed: false, identity: user.email };
  const doc: Record<string, unknown> = {
    '@context': OB2_CONTEXT,
    type: 'Assertion',
    id: plan.signed ? `urn:uuid:${stableUuid(`seed:${plan.slug}`)}` : urls.hostedAssertion(plan.slug),
    recipient,
    badge: urls.badgeClass(plan.badge.slug),
    verification: plan.signed ? { type: 'SignedBadge', creator: urls.key(key.kid) } : { type: 'HostedBadge' },
    issuedOn: new Date(plan.issuedOn).toISOString(),
  };
  if (plan.position % 3 === 0) {
    doc.narrative = `${user.name} met every criterion of ${plan.badge.name}.`;
    doc.evidence = [
      {
        id: `https://example.org/evidence/${plan.slug}`,
        narrative: 'Portfolio item reviewed by two assessors.',
      },
    ];
  }
  return doc;
}

/**
 * Writes profiles (only when absent, so user changes survive restarts), the seed assertions and the seed CLRs.
 * Seed assertions embed the public origin and key URL, so they are rebuilt when either changed.
 */
export function seedDatabase(db: SqliteDatabase, users: readonly DemoUser[], urls: ProviderUrls, key: SigningKey, now: number): void {
  const meta = new MetaRepository(db);
  const profiles = new ProfileRepository(db);
  const assertions = new AssertionRepository(db);
  const fingerprint = `${urls.origin} ${key.kid}`;
  db.transaction(() => {
    users.forEach((user) => profiles.putIfAbsent(user.id, seedProfile(user), now));
    seedClrs(db, users, urls, key, (user, userIndex) =>
      seedPlan(user, userIndex)
        .filter((plan) => plan.signed)
        .map((plan) => signAssertion(seedAssertionDoc(user, plan, urls, key), key, urls.key(key.kid))),
    );
    if (meta.get('seed_fingerprint') === fingerprint) return;
    assertions.deleteSeeded();
    users.forEach((user, userIndex) => {
      for (const plan of seedPlan(user, userIndex)) {
        const json = seedAssertionDoc(user, plan, urls, key);
        const jws = plan.signed ? signAssertion(json, key, urls.key(key.kid)) : null;
        assertions.insertSeed({
          userId: user.id,
          assertionId: json.id as string,
          json,
          jws,
          createdAt: plan.issuedOn,
          updatedAt: plan.updatedAt,
        });
      }
    });
    meta.set('seed_fingerprint', fingerprint);
  })();
}

import { createHash } from 'node:crypto';
import type { DemoUser } from '../../../shared/demo-users.js';
import { endorserProfile, publisherProfile, publisherRef } from '../clr/public-documents.js';
import { ISSUER_NAME } from '../defaults.js';
import type { SigningKey } from '../store/keys.js';
import { CLR_CONTEXT, type ProviderUrls } from '../urls.js';
import { BADGE_CATALOG, type BadgeDefinition } from './catalog.js';
import { ACTIVITIES, COMPETENCIES, COURSES, FRAMEWORK_NAME, GRADES, RUBRIC_LEVELS } from './clr-catalog.js';
import type { ClrSeedPlan } from './clr-plan.js';
import { stableUuid } from './seed-plan.js';

type Doc = Record<string, unknown>;
const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
const achievementId = (kind: string, code: string) => `urn:example:clr:achievement:${kind}:${code.toLowerCase()}`;

interface Built {
  user: DemoUser;
  plan: ClrSeedPlan;
  urls: ProviderUrls;
}

function recipient({ user, plan }: Built, kind: string): Doc {
  if (!plan.hashed) return { type: 'email', hashed: false, identity: user.email };
  const salt = createHash('sha256').update(`clr-salt:${plan.slug}:${kind}`).digest('hex').slice(0, 16);
  return { type: 'email', hashed: true, salt, identity: `sha256$${createHash('sha256').update(user.email + salt).digest('hex')}` };
}

function assertionBase(b: Built, kind: string, code: string, daysBefore: number): Doc {
  return {
    type: 'Assertion',
    id: `urn:uuid:${stableUuid(`clr:${b.plan.slug}:${kind}:${code}`)}`,
    recipient: recipient(b, `${kind}:${code}`),
    issuedOn: iso(b.plan.issuedOn - daysBefore * DAY_MS),
  };
}

/** Hosted at its id (served standalone, with @context); embedded as CLR content, without one. */
function endorsement(b: Built, suffix: string, claimId: string, comment: string): Doc {
  return {
    type: 'Endorsement',
    id: b.urls.clrEndorsement(`${b.plan.slug}-${suffix}`),
    claim: { type: 'EndorsementClaim', id: claimId, endorsementComment: comment },
    issuedOn: iso(b.plan.issuedOn - DAY_MS),
    issuer: endorserProfile(b.urls),
    verification: { type: 'Hosted' },
  };
}

/** A course with a letter grade and a completion status (results and their result descriptions). */
function courseAssertion(b: Built, n: number): Doc {
  const course = pick(COURSES, (b.plan.position - 1) * 2 + n);
  const id = achievementId('course', course.code);
  const grade = `${id}:grade`;
  const status = `${id}:status`;
  const end = b.plan.issuedOn - 10 * DAY_MS;
  return {
    ...assertionBase(b, 'course', course.code, 7),
    achievement: {
      type: 'Achievement',
      id,
      achievementType: 'Course',
      name: course.name,
      description: course.description,
      humanCode: course.code,
      fieldOfStudy: course.fieldOfStudy,
      creditsAvailable: course.credits,
      issuer: publisherRef(b.urls),
      requirement: { type: 'Criteria', narrative: `Pass ${course.code} with a grade of C or better.` },
      resultDescriptions: [
        { type: 'ResultDescription', id: grade, name: 'Final grade', resultType: 'LetterGrade', allowedValues: ['A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'D', 'F'], requiredValue: 'C' },
        { type: 'ResultDescription', id: status, name: 'Enrolment status', resultType: 'Status' },
      ],
    },
    activityStartDate: iso(end - 100 * DAY_MS),
    activityEndDate: iso(end),
    creditsEarned: course.credits,
    term: b.plan.term,
    results: [
      { type: 'Result', resultDescription: grade, value: pick(GRADES, b.plan.position + n) },
      { type: 'Result', resultDescription: status, status: 'Completed' },
    ],
  };
}

/** A competency aligned to a CASE item, assessed on a four-level rubric, endorsed by the accreditor. */
function competencyAssertion(b: Built): Doc {
  const c = pick(COMPETENCIES, b.plan.position - 1);
  const id = achievementId('competency', c.code);
  const rubric = `${id}:rubric`;
  const levels = RUBRIC_LEVELS.map((l) => ({ type: 'RubricCriterionLevel', id: `${rubric}:${l.slug}`, name: l.name, points: l.points }));
  const achieved = levels[2 + (b.plan.position % 2)] as Doc;
  const alignment = { type: 'Alignment', targetName: c.name, targetUrl: c.targetUrl, targetDescription: c.description, targetFramework: FRAMEWORK_NAME, targetCode: c.code, targetType: 'CFItem' };
  return {
    ...assertionBase(b, 'competency', c.code, 3),
    achievement: {
      type: 'Achievement',
      id,
      achievementType: 'Competency',
      name: c.name,
      description: c.description,
      issuer: publisherRef(b.urls),
      alignments: [alignment],
      resultDescriptions: [
        { type: 'ResultDescription', id: rubric, name: `${c.name} rubric`, resultType: 'RubricCriterionLevel', rubricCriterionLevels: levels, requiredLevel: `${rubric}:proficient` },
      ],
      endorsements: [endorsement(b, 'competency', id, `The ${c.name} outcome and its rubric meet the board's standards.`)],
    },
    results: [{ type: 'Result', resultDescription: rubric, achievedLevel: achieved.id, alignments: [alignment] }],
    evidence: [{ type: 'Evidence', name: `${c.name} portfolio`, narrative: 'Two artefacts scored by independent assessors.', genre: 'Portfolio' }],
  };
}

/**
 * Hosted at its own URL (so embedded hosted verification has a case). Embedded as CLR content: no @context,
 * the achievement's issuer in short form; the hosted copy is the full document (see clr/own-documents.ts).
 */
function coCurricularAssertion(b: Built): Doc {
  const a = pick(ACTIVITIES, b.plan.position - 1);
  return {
    ...assertionBase(b, 'activity', a.code, 5),
    id: b.urls.clrAssertion(`${b.plan.slug}-activity`),
    verification: { type: 'Hosted' },
    achievement: { type: 'Achievement', id: achievementId('activity', a.code), achievementType: 'Co-Curricular', name: a.name, description: a.description, issuer: publisherRef(b.urls) },
    role: a.role,
    term: b.plan.term,
  };
}

/** One of the provider's Open Badges (its badge class is served under /public/badges/) in CLR form. */
function badgeAssertion(b: Built): Doc {
  const badge = pick(BADGE_CATALOG, b.plan.position - 1) as BadgeDefinition;
  return {
    ...assertionBase(b, 'badge', badge.slug, 2),
    achievement: {
      type: 'Achievement',
      id: b.urls.badgeClass(badge.slug),
      achievementType: 'Badge',
      name: badge.name,
      description: badge.description,
      image: b.urls.badgeImage(badge.slug),
      tags: badge.tags,
      issuer: { type: 'Profile', id: b.urls.issuer, name: ISSUER_NAME, url: b.urls.origin },
      requirement: { type: 'Criteria', narrative: badge.criteria },
      alignments: [{ type: 'Alignment', ...badge.alignment }],
    },
    image: b.urls.badgeImage(badge.slug),
  };
}

/**
 * A seed Clr: courses, a competency, a co-curricular activity and a badge, with endorsements.
 * `openBadgeJws` is one of the user's signed OB 2.0 seed assertions, embedded as it is in `signedAssertions`.
 */
export function seedClrDoc(user: DemoUser, plan: ClrSeedPlan, urls: ProviderUrls, key: SigningKey, openBadgeJws: string | null): Doc {
  const b: Built = { user, plan, urls };
  const id = urls.clr(plan.slug);
  const doc: Doc = {
    '@context': CLR_CONTEXT,
    type: 'Clr',
    id,
    name: `${user.name}: learner record, ${plan.term}`,
    issuedOn: iso(plan.issuedOn),
    partial: false,
    learner: { type: 'Profile', id: user.id, name: user.name, email: user.email, studentId: `S${1000 + plan.position}-${user.username}` },
    publisher: publisherProfile(urls, key),
    assertions: [courseAssertion(b, 0), courseAssertion(b, 1), competencyAssertion(b), coCurricularAssertion(b), badgeAssertion(b)],
    ...(openBadgeJws ? { signedAssertions: [openBadgeJws] } : {}),
    endorsements: [endorsement(b, 'clr', id, `${user.name}'s record was issued under the board's accredited process.`)],
    verification: plan.signed ? { type: 'Signed', creator: urls.clrKey(key.kid) } : { type: 'Hosted' },
  };
  if (!plan.listed) {
    doc.name = `${user.name}: learner record, ${plan.term} (withdrawn)`;
  }
  return doc;
}

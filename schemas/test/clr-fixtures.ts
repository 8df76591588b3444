// Valid CLR 1.0 documents built from the data model (identifiers under example.org). `finalClr` uses only
// Final-binding shapes, `candidateFinalClr` only Candidate Final ones, `neutralClr` what both accept.
import { SchemaIds } from '../src/ids.js';

const ORG = 'https://example.org';
const CLR_CONTEXT = 'https://purl.imsglobal.org/spec/clr/v1p0/context/clr_v1p0.jsonld';
const HASH = 'sha256$' + 'b'.repeat(64);
const JWS = 'eyJhbGciOiJSUzI1NiJ9.eyJpZCI6InVybjp1dWlkOjIifQ.c2lnbmF0dXJl';
export const PEM = '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----';

export const publisher = () => ({
  id: `${ORG}/publisher`,
  type: 'Profile',
  name: 'Example College',
  url: ORG,
  email: 'registrar@example.org',
  publicKey: { id: `${ORG}/keys/1`, type: 'CryptographicKey', owner: `${ORG}/publisher`, publicKeyPem: PEM },
  revocationList: `${ORG}/revocations`,
  verification: { type: 'Verification', allowedOrigins: ['example.org'], startsWith: [`${ORG}/clrs/`] },
});

export const learner = () => ({ id: `${ORG}/learners/alice`, type: 'Profile', name: 'Alice Learner', email: 'alice@example.org', studentId: 'S-1' });

export const alignment = () => ({ type: 'Alignment', targetName: 'Algebra', targetUrl: `${ORG}/frameworks/math/1`, targetCode: 'M1', targetType: 'CFItem' });

export const rubricCriterionLevel = () => ({ id: `${ORG}/levels/proficient`, type: 'RubricCriterionLevel', name: 'Proficient', level: '3', points: '3' });

export const resultDescription = () => ({
  id: `${ORG}/results/grade`,
  type: 'ResultDescription',
  name: 'Final grade',
  resultType: 'LetterGrade',
  allowedValues: ['A', 'B', 'C'],
  rubricCriterionLevels: [rubricCriterionLevel()],
});

export const result = () => ({ type: 'Result', resultDescription: `${ORG}/results/grade`, value: 'A', achievedLevel: `${ORG}/levels/proficient` });

export const association = () => ({ associationType: 'isChildOf', targetId: `${ORG}/achievements/program`, title: 'Mathematics program' });

export const artifact = () => ({ type: 'Artifact', name: 'Essay', description: 'Final essay', url: `${ORG}/artifacts/essay.pdf` });

export const evidence = () => ({ id: `${ORG}/evidence/1`, type: 'Evidence', name: 'Portfolio', narrative: 'Work samples.', artifacts: [artifact()] });

export const achievement = () => ({
  id: `${ORG}/achievements/math101`,
  type: 'Achievement',
  achievementType: 'Course',
  name: 'Mathematics 101',
  description: 'Introductory algebra.',
  humanCode: 'MATH101',
  creditsAvailable: 3,
  issuer: publisher(),
  requirement: { id: `${ORG}/criteria/math101`, narrative: 'Pass the final exam.' },
  alignments: [alignment()],
  associations: [association()],
  resultDescriptions: [resultDescription()],
  tags: ['math'],
});

export const identity = () => ({ type: 'email', identity: HASH, hashed: true, salt: 'pepper' });

export const verification = () => ({ type: 'Hosted' });

export const endorsementClaim = () => ({ id: `${ORG}/achievements/math101`, endorsementComment: 'A rigorous course.' });

export const endorsement = () => ({
  id: `${ORG}/endorsements/1`,
  type: 'Endorsement',
  claim: endorsementClaim(),
  issuedOn: '2021-02-01T10:00:00Z',
  issuer: { id: `${ORG}/endorsers/board`, type: 'Profile', name: 'Example Board', url: `${ORG}/board` },
  verification: { type: 'Hosted' },
});

export const assertion = () => ({
  id: `${ORG}/assertions/math101-alice`,
  type: 'Assertion',
  achievement: achievement(),
  recipient: identity(),
  issuedOn: '2021-01-20T12:00:00Z',
  creditsEarned: 3,
  results: [result()],
  evidence: [evidence()],
  endorsements: [endorsement()],
  term: 'Fall 2020',
  verification: verification(),
});

export const cryptographicKey = () => ({ '@context': CLR_CONTEXT, id: `${ORG}/keys/1`, type: 'CryptographicKey', owner: `${ORG}/publisher`, publicKeyPem: PEM });

export const revocationList = () => ({ '@context': CLR_CONTEXT, id: `${ORG}/revocations`, type: 'RevocationList', issuer: `${ORG}/publisher`, revokedAssertions: [`${ORG}/clrs/revoked`] });

/** Accepted by both bindings: every Profile named, Alignments with targetType, no binding-specific term. */
export const neutralClr = () => ({
  '@context': CLR_CONTEXT,
  id: `${ORG}/ims/clr/v1p0/clrs/alice-1`,
  type: 'Clr',
  name: 'Transcript of Alice',
  issuedOn: '2021-01-21T08:00:00Z',
  learner: learner(),
  publisher: publisher(),
  assertions: [assertion()],
  signedAssertions: [JWS],
  achievements: [{ ...achievement(), id: `${ORG}/achievements/program`, achievementType: 'Degree', name: 'Mathematics program', associations: [] }],
  partial: false,
  verification: verification(),
});

/** Only Final shapes: activity dates, identifiers, Result status, a nameless learner, CLR endorsements. */
export function finalClr() {
  const clr = neutralClr() as Record<string, unknown>;
  const a = (clr.assertions as Record<string, unknown>[])[0]!;
  Object.assign(a, { activityStartDate: '2020-09-01T00:00:00Z', activityEndDate: '2020-12-20T00:00:00Z', expires: '2030-01-01T00:00:00Z' });
  (a.results as Record<string, unknown>[])[0]!.status = 'Completed';
  (a.achievement as Record<string, unknown>).identifiers = [{ type: 'SystemIdentifier', identifier: 'MATH-101', identifierType: 'OneRosterSourcedId' }];
  clr.learner = { id: `${ORG}/learners/alice`, type: 'Profile', givenName: 'Alice', familyName: 'Learner', birthDate: '2001-04-05' };
  clr.endorsements = [{ ...endorsement(), claim: { id: clr.id as string } }];
  // Not a binding difference: our schemas also take the key by IRI (ERRATA.md E24).
  clr.publisher = { ...publisher(), publicKey: `${ORG}/keys/1` };
  clr['@context'] = [CLR_CONTEXT];
  return clr;
}

/** Only Candidate Final shapes: startDate/endDate, educationalFramework, AssessmentResult. */
export function candidateFinalClr() {
  const clr = neutralClr() as Record<string, unknown>;
  const a = (clr.assertions as Record<string, unknown>[])[0]!;
  Object.assign(a, { startDate: '2020-09-01T00:00:00Z', endDate: '2020-12-20T00:00:00Z' });
  const ach = a.achievement as Record<string, unknown>;
  ach.achievementType = 'AssessmentResult';
  (ach.alignments as Record<string, unknown>[])[0]!.educationalFramework = 'Example Math Framework';
  return clr;
}

export const discovery = () => ({
  '@context': CLR_CONTEXT,
  name: 'Example CLR Provider',
  image: `${ORG}/logo.png`,
  authorizationUrl: `${ORG}/authorize`,
  tokenUrl: `${ORG}/token`,
  registrationUrl: `${ORG}/register`,
  scopesOffered: ['readonly', 'replace', 'delete'].map((s) => `https://purl.imsglobal.org/spec/clr/v1p0/scope/${s}`),
  privacyPolicyUrl: `${ORG}/privacy`,
  termsOfServiceUrl: `${ORG}/terms`,
});

export const statusInfo = () => ({
  imsx_codeMajor: 'failure',
  imsx_severity: 'error',
  imsx_description: 'The access token is missing.',
  imsx_codeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'TargetEndSystem', imsx_codeMinorFieldValue: 'unauthorizedrequest' }] },
});

const bare = (doc: Record<string, unknown>) => {
  const { '@context': _c, ...rest } = doc;
  return rest;
};

const clr = SchemaIds.clr;

/** One valid document per CLR schema id. */
export const CLR_VALID: Record<string, () => unknown> = {
  [clr.clr]: neutralClr,
  [clr.clrSet]: () => ({ '@context': CLR_CONTEXT, type: 'ClrSet', clrs: [bare(neutralClr())], signedClrs: [JWS] }),
  [clr.clrPayload]: () => ({ '@context': CLR_CONTEXT, type: 'ClrPayload', clr: bare(neutralClr()) }),
  [clr.discovery]: discovery,
  [clr.statusInfo]: statusInfo,
  [clr.assertion]: assertion,
  [clr.achievement]: achievement,
  [clr.profile]: publisher,
  [clr.identity]: identity,
  [clr.result]: result,
  [clr.resultDescription]: resultDescription,
  [clr.alignment]: alignment,
  [clr.evidence]: evidence,
  [clr.endorsement]: endorsement,
  [clr.endorsementClaim]: endorsementClaim,
  [clr.verification]: verification,
  [clr.cryptographicKey]: cryptographicKey,
  [clr.revocationList]: revocationList,
  [clr.rubricCriterionLevel]: rubricCriterionLevel,
  [clr.association]: association,
  [clr.artifact]: artifact,
};

export { CLR_CONTEXT };

// CLR 1.0 classes that make up an achievement record: Assertion, Achievement, Result(Description),
// RubricCriterionLevel, Alignment, Association, Evidence, Artifact, Identity. Errata ids: ERRATA.md.
import { ref, requires, type Schema } from '../../src/build.js';
import { SchemaIds } from '../../src/ids.js';
import { arrayOf, clrClass, clrDef } from './common.js';

const ids = SchemaIds.clr;
const endorsements = { endorsements: arrayOf(ref(ids.endorsement)), signedEndorsements: arrayOf(clrDef('compactJws')) };

const HASH = '^(?:[Mm][Dd]5\\$[0-9a-fA-F]{32}|[Ss][Hh][Aa]256\\$[0-9a-fA-F]{64})$';

export const identitySchema: Schema = clrClass({
  id: ids.identity,
  title: 'CLR 1.0 Identity (assertion recipient)',
  comment: 'E22: a hashed identity must be an md5$/sha256$ hash and a plain one must not look like one (OB 2.0 rules).',
  properties: { type: { type: 'string', minLength: 1 }, identity: { type: 'string', minLength: 1 }, hashed: { type: 'boolean' }, salt: { type: 'string' } },
  required: ['type', 'identity', 'hashed'],
  extra: {
    if: { properties: { hashed: { const: true } }, required: ['hashed'] },
    then: { properties: { identity: { type: 'string', pattern: HASH } } },
    else: { properties: { identity: { not: { type: 'string', pattern: HASH } } } },
  },
});

export const alignmentSchema: Schema = clrClass({
  id: ids.alignment,
  title: 'CLR 1.0 Alignment',
  comment: 'E17: Final names the framework targetFramework and makes targetType optional; Candidate Final says educationalFramework and requires targetType.',
  properties: {
    targetCode: clrDef('text'),
    targetDescription: clrDef('text'),
    targetName: clrDef('text'),
    targetFramework: clrDef('text'),
    educationalFramework: clrDef('text'),
    targetType: clrDef('alignmentTargetType'),
    targetUrl: clrDef('uri'),
  },
  required: ['targetName', 'targetUrl'],
});

export const associationSchema: Schema = clrClass({
  id: ids.association,
  title: 'CLR 1.0 Association',
  properties: {
    associationType: {
      type: 'string',
      enum: ['exactMatchOf', 'exemplar', 'hasSkillLevel', 'isChildOf', 'isParentOf', 'isPartOf', 'isPeerOf', 'isRelatedTo', 'precedes', 'replacedBy'],
    },
    targetId: clrDef('iri'),
    title: clrDef('text'),
  },
  required: ['associationType', 'targetId', 'title'],
});

export const rubricCriterionLevelSchema: Schema = clrClass({
  id: ids.rubricCriterionLevel,
  title: 'CLR 1.0 RubricCriterionLevel',
  properties: { alignments: arrayOf(ref(ids.alignment)), description: clrDef('text'), level: clrDef('text'), name: clrDef('text'), points: clrDef('text') },
  required: ['id', 'name'],
});

export const resultDescriptionSchema: Schema = clrClass({
  id: ids.resultDescription,
  title: 'CLR 1.0 ResultDescription',
  properties: {
    alignments: arrayOf(ref(ids.alignment)),
    allowedValues: arrayOf(clrDef('text')),
    name: clrDef('text'),
    requiredLevel: clrDef('iri'),
    requiredValue: clrDef('text'),
    resultType: clrDef('resultType'),
    rubricCriterionLevels: arrayOf(ref(ids.rubricCriterionLevel)),
    valueMax: clrDef('text'),
    valueMin: clrDef('text'),
  },
  required: ['id', 'name', 'resultType'],
});

export const resultSchema: Schema = clrClass({
  id: ids.result,
  title: 'CLR 1.0 Result',
  comment: 'E17: status is Final only. Whether status is required (result type Status) needs the ResultDescription: a runner check.',
  properties: {
    achievedLevel: clrDef('iri'),
    alignments: arrayOf(ref(ids.alignment)),
    resultDescription: clrDef('iri'),
    status: { type: 'string', enum: ['Completed', 'Enrolled', 'Failed', 'InProgress', 'OnHold', 'Withdrew'] },
    value: clrDef('text'),
  },
  required: ['resultDescription'],
});

export const artifactSchema: Schema = clrClass({
  id: ids.artifact,
  title: 'CLR 1.0 Artifact',
  comment: 'E20: url must be a URI (a data URI is one).',
  properties: { description: clrDef('text'), name: clrDef('text'), url: clrDef('uri') },
});

export const evidenceSchema: Schema = clrClass({
  id: ids.evidence,
  title: 'CLR 1.0 Evidence',
  properties: {
    id: { $comment: 'The evidence page: any URI, as in the binding.', type: 'string', format: 'uri' },
    artifacts: arrayOf(ref(ids.artifact)),
    audience: clrDef('text'),
    description: clrDef('text'),
    genre: clrDef('text'),
    name: clrDef('text'),
    narrative: clrDef('markdown'),
  },
  required: ['name'],
});

export const achievementSchema: Schema = clrClass({
  id: ids.achievement,
  title: 'CLR 1.0 Achievement',
  comment: 'E17: identifiers is Final only; achievementType takes the values of both bindings.',
  properties: {
    achievementType: clrDef('achievementType'),
    alignments: arrayOf(ref(ids.alignment)),
    associations: arrayOf(ref(ids.association)),
    creditsAvailable: { type: 'number' },
    description: clrDef('text'),
    ...endorsements,
    humanCode: clrDef('text'),
    identifiers: arrayOf(clrDef('systemIdentifier')),
    name: clrDef('text'),
    fieldOfStudy: clrDef('text'),
    image: clrDef('image'),
    issuer: ref(ids.profile),
    level: clrDef('text'),
    requirement: clrDef('criteria'),
    resultDescriptions: arrayOf(ref(ids.resultDescription)),
    specialization: clrDef('text'),
    tags: arrayOf(clrDef('text')),
  },
  required: ['id', 'name', 'issuer'],
});

export const assertionSchema: Schema = clrClass({
  id: ids.assertion,
  title: 'CLR 1.0 Assertion',
  comment:
    'E17: activityStartDate/activityEndDate/expires are Final; startDate/endDate are Candidate Final. ' +
    'E22: recipient is required unless the assertion is revoked, as the binding text says.',
  properties: {
    achievement: ref(ids.achievement),
    activityStartDate: clrDef('dateTime'),
    activityEndDate: clrDef('dateTime'),
    startDate: clrDef('dateTime'),
    endDate: clrDef('dateTime'),
    creditsEarned: { type: 'number' },
    ...endorsements,
    evidence: arrayOf(ref(ids.evidence)),
    expires: clrDef('dateTime'),
    image: clrDef('image'),
    issuedOn: clrDef('dateTime'),
    licenseNumber: clrDef('text'),
    narrative: clrDef('markdown'),
    recipient: ref(ids.identity),
    results: arrayOf(ref(ids.result)),
    revoked: { type: 'boolean' },
    revocationReason: clrDef('text'),
    role: clrDef('text'),
    source: ref(ids.profile),
    term: clrDef('text'),
    verification: ref(ids.verification),
  },
  required: ['id'],
  extra: {
    if: { properties: { revoked: { const: true } }, required: ['revoked'] },
    else: requires('recipient'),
  },
});

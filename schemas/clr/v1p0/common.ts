// CLR 1.0 primitives and the small classes every other CLR schema shares. Written from the CLR data model
// (Final 2021-01-14, with the Candidate Final 2020-05-21 shapes accepted too); errata ids refer to ERRATA.md.
import { DIALECT, EXTENSION_KEY, ref, type Schema } from '../../src/build.js';
import { CLR_COMMON_ID, SchemaIds } from '../../src/ids.js';

const ids = SchemaIds.clr;

/** `$ref` to a definition in the CLR common schema. */
export const clrDef = (name: string): Schema => ref(CLR_COMMON_ID, `/$defs/${name}`);

/** An array of items (the binding never sends a single value where it declares an array). */
export const arrayOf = (item: Schema): Schema => ({ type: 'array', items: item });

/**
 * A CLR class: known terms typed, any IRI-named key allowed with any JSON value (E18), any other plain
 * name rejected in `reject` mode (E19) because the CLR context does not define it.
 */
export function clrClass(spec: { id: string; title: string; comment?: string; properties: Schema; required?: string[]; extra?: Schema }): Schema {
  return {
    $schema: DIALECT,
    $id: spec.id,
    title: spec.title,
    ...(spec.comment ? { $comment: spec.comment } : {}),
    type: 'object',
    properties: { '@context': clrDef('context'), id: clrDef('iri'), type: { type: 'string' }, ...spec.properties },
    ...(spec.required ? { required: spec.required } : {}),
    patternProperties: { [EXTENSION_KEY]: true },
    additionalProperties: false,
    ...spec.extra,
  };
}

/**
 * One of several forms told apart by JSON type: if/then instead of anyOf, so a wrong value reports the
 * errors of its own form only (anyOf would add one error per other form).
 */
export const byJsonType = (forms: { string?: Schema; array?: Schema; object?: Schema }): Schema => {
  const [first, ...rest] = Object.entries(forms) as [string, Schema][];
  if (!first) return {};
  const [type, schema] = first;
  return rest.length === 0 ? schema : { if: { type }, then: schema, else: byJsonType(Object.fromEntries(rest)) };
};

/** A closed value set that a sender may extend with `ext:`-prefixed names. */
const extensible = (values: string[], comment: string): Schema => ({
  $comment: comment,
  anyOf: [
    { type: 'string', enum: values },
    { type: 'string', pattern: '^ext:[A-Za-z0-9._-]+$' },
  ],
});

export const clrCommonSchema: Schema = {
  $schema: DIALECT,
  $id: CLR_COMMON_ID,
  title: 'CLR 1.0 shared definitions',
  $defs: {
    iri: {
      $comment: 'E20: identifiers are IRIs (http(s) URL, URN or blank node); the official files take any string.',
      type: 'string',
      format: 'ob-iri',
    },
    uri: { type: 'string', format: 'uri' },
    dateTime: { $comment: 'ISO 8601 with a time zone.', type: 'string', format: 'date-time' },
    date: { type: 'string', format: 'date' },
    email: { $comment: 'E20: an email address; the official files take any string.', type: 'string', format: 'email' },
    image: { $comment: 'E20: a URL or a data URI of an image; the official files take any string.', type: 'string', format: 'image-iri' },
    text: { type: 'string' },
    markdown: { $comment: 'Markdown text; any string.', type: 'string' },
    compactJws: {
      $comment: 'A JWS in compact serialization: three base64url parts.',
      type: 'string',
      pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$',
    },
    context: {
      $comment: 'E17: one context URL (Candidate Final) or a non-empty array of them (Final).',
      anyOf: [
        { type: 'string', format: 'uri' },
        { type: 'array', minItems: 1, items: { type: 'string', format: 'uri' } },
      ],
    },
    achievementType: extensible(
      ['Achievement', 'Assessment', 'Assignment', 'Award', 'Badge', 'Certificate', 'Certification', 'Course', 'CommunityService', 'Competency', 'Co-Curricular', 'Degree', 'Diploma', 'Fieldwork', 'License', 'Membership', 'AssessmentResult'],
      'E17: Final values plus AssessmentResult (Candidate Final only). E21: the ext: form is anchored.',
    ),
    alignmentTargetType: extensible(['CFItem', 'CFRubric', 'CFRubricCriterion', 'CFRubricCriterionLevel', 'CTDL'], 'E21: the ext: form is anchored.'),
    resultType: extensible(
      ['GradePointAverage', 'LetterGrade', 'Percent', 'PerformanceLevel', 'PredictedScore', 'Result', 'RawScore', 'RubricCriterion', 'RubricCriterionLevel', 'RubricScore', 'ScaledScore', 'Status'],
      'E17: Status is Final only. E21: the ext: form is anchored.',
    ),
    criteria: clrClassDef({
      $comment: 'E17: Candidate Final requires id; Final requires nothing.',
      properties: { id: { type: 'string', format: 'uri' }, narrative: { $ref: '#/$defs/markdown' } },
    }),
    address: clrClassDef({
      properties: Object.fromEntries(
        ['addressCountry', 'addressLocality', 'addressRegion', 'postalCode', 'postOfficeBoxNumber', 'streetAddress'].map((p) => [p, { type: 'string' }]),
      ),
    }),
    systemIdentifier: clrClassDef({
      $comment: 'Final only (Candidate Final has no SystemIdentifier).',
      properties: {
        identifier: { type: 'string' },
        identifierType: extensible(['LisSourcedId', 'OneRosterSourcedId'], 'E21: the ext: form is anchored.'),
      },
      required: ['identifier', 'identifierType'],
    }),
    endorsementProfile: clrClassDef({
      $comment: 'The issuer of an endorsement: a Profile without birthDate, endorsements, parentOrg and signedEndorsements.',
      properties: {
        id: { $ref: '#/$defs/iri' },
        ...profileTerms(),
      },
      required: ['id'],
    }),
  },
};

/** A class defined inside the common schema (same openness rules as `clrClass`). */
function clrClassDef(spec: { $comment?: string; properties: Schema; required?: string[] }): Schema {
  return {
    ...(spec.$comment ? { $comment: spec.$comment } : {}),
    type: 'object',
    properties: { type: { type: 'string' }, ...spec.properties },
    ...(spec.required ? { required: spec.required } : {}),
    patternProperties: { [EXTENSION_KEY]: true },
    additionalProperties: false,
  };
}

/** Profile properties shared by Profile and EndorsementProfile (refs are absolute: used from two schemas). */
export function profileTerms(): Schema {
  const def = (name: string) => clrDef(name);
  return {
    name: def('text'),
    description: def('text'),
    image: def('image'),
    url: def('uri'),
    email: def('email'),
    telephone: def('text'),
    address: def('address'),
    sourcedId: def('text'),
    studentId: def('text'),
    additionalName: def('text'),
    familyName: def('text'),
    givenName: def('text'),
    official: def('text'),
    identifiers: arrayOf(def('systemIdentifier')),
    publicKey: {
      $comment: 'E24: the key itself, its IRI, or a list of those (the verification rules look keys up by id).',
      ...byJsonType({
        string: def('iri'),
        array: { type: 'array', minItems: 1, items: byJsonType({ string: def('iri'), object: ref(ids.cryptographicKey) }) },
        object: ref(ids.cryptographicKey),
      }),
    },
    revocationList: def('uri'),
    verification: ref(ids.verification),
  };
}

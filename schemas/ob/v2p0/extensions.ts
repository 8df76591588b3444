// The official OB 2.0 extensions: for each, the type that marks its node, the terms its context adds and a
// JSON Schema (2020-12) of its properties. Written from the extension definitions (their property tables,
// context and schema files); deviations from those files are listed in schemas/ERRATA.md ("Extensions").
import { common, DIALECT, OBI, type Schema } from '../../src/build.js';
import { SCHEMA_BASE } from '../../src/ids.js';

export const EXTENSIONS_NS = 'https://w3id.org/openbadges/extensions#';
const SCHEMA_ORG = 'http://schema.org/';

export interface ObExtension {
  /** Folder name the extension is published under (its context and schema URLs use it). */
  name: string;
  title: string;
  /** Compact type names (with the `extensions:` prefix, or a term of the extension's own context) that mark the node. */
  types: string[];
  /** Terms the extension's context adds to the active (OB 2.0) context. */
  terms: Record<string, string>;
  /** Prefixes the terms use, beside `extensions` and `obi`. */
  prefixes?: Record<string, string>;
  /** Properties of the extension node (besides @context and type) and the required ones. */
  properties: Schema;
  required?: string[];
  $defs?: Schema;
}

/** The schema id of an extension's JSON Schema. */
export const extensionSchemaId = (name: string): string => `${SCHEMA_BASE}ob/v2p0/extensions/${name}.json`;

/** The URLs an extension's context is published at (w3id.org redirects to openbadgespec.org). */
export const extensionContextUrls = (name: string): string[] => [
  `https://w3id.org/openbadges/extensions/${name}/context.json`,
  `https://openbadgespec.org/extensions/${name}/context.json`,
];

const text: Schema = { type: 'string' };
const uri: Schema = { type: 'string', format: 'uri' };
const oneOrMany = (item: Schema): Schema => ({ anyOf: [item, { type: 'array', items: item }] });
const UUID = { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' };
const address: Schema = {
  type: 'object',
  properties: { streetAddress: text, addressLocality: text, addressRegion: text, addressCountry: text, postalCode: text },
};
const dateTime: Schema = common('dateTime');

export const OB_EXTENSIONS: readonly ObExtension[] = [
  {
    name: 'exampleExtension',
    title: 'Example Extension',
    types: ['extensions:ExampleExtension'],
    terms: { exampleProperty: `${SCHEMA_ORG}text` },
    properties: { exampleProperty: text },
    required: ['exampleProperty'],
  },
  {
    name: 'applyLinkExtension',
    title: 'Apply Link',
    types: ['extensions:ApplyLink'],
    terms: { url: 'extensions:applyLink' },
    properties: { url: common('url') },
    required: ['url'],
  },
  {
    name: 'accessibilityExtension',
    title: 'Accessibility',
    // The context names the validated type "extensions#accessibility" (no colon): ERRATA.md X1.
    types: ['extensions:Accessibility', 'extensions:accessibility'],
    terms: {
      url: 'extensions:#accessibility',
      accessibilityAPI: 'https://schema.org/accessibilityAPI',
      accessibilityControl: 'https://schema.org/accessibilityControl',
      accessibilityFeature: 'https://schema.org/accessibilityFeature',
      accessibilityHazard: 'https://schema.org/accessibilityHazard',
    },
    properties: { url: uri, accessibilityAPI: text, accessibilityControl: { type: 'array', items: text }, accessibilityFeature: text, accessibilityHazard: text },
    // The official schema nests `required` inside `properties`, where it has no effect (ERRATA.md X2).
    required: ['url', 'accessibilityFeature'],
  },
  {
    name: 'originalCreatorExtension',
    title: 'Original Creator',
    types: ['extensions:OriginalCreator', 'extensions:originalCreator'],
    terms: { url: 'extensions:#originalCreator' },
    properties: { url: uri },
    required: ['url'],
  },
  {
    name: 'recipientProfile',
    title: 'Recipient Profile',
    types: ['extensions:RecipientProfile'],
    // name and publicKey are the OB 2.0 terms; id is reserved for a DID.
    terms: {},
    properties: { id: text, name: text, publicKey: uri },
  },
  {
    name: 'geoCoordinatesExtension',
    title: 'GeoCoordinates',
    types: ['extensions:GeoCoordinates'],
    prefixes: { schema: SCHEMA_ORG },
    terms: { geo: 'schema:geo', name: 'schema:name', description: 'schema:description', latitude: 'schema:latitude', longitude: 'schema:longitude' },
    properties: {
      name: text,
      description: text,
      geo: { type: 'object', properties: { latitude: { type: 'number' }, longitude: { type: 'number' } }, required: ['latitude', 'longitude'] },
    },
    required: ['description', 'geo'],
  },
  {
    name: 'licenseExtension',
    title: 'License',
    types: ['extensions:LicenseExtension'],
    prefixes: { cc: 'http://creativecommons.org/ns#' },
    terms: {
      legalCode: 'cc:legalcode',
      License: 'cc:License',
      'CC-0': 'https://creativecommons.org/publicdomain/zero/1.0/',
      'CC-BY': 'http://creativecommons.org/licenses/by/4.0/',
      'CC-BY-SA': 'http://creativecommons.org/licenses/by-sa/4.0/',
      'CC-BY-NC': 'http://creativecommons.org/licenses/by-nc/4.0/',
      'CC-BY-NC-SA': 'http://creativecommons.org/licenses/by-nc-sa/4.0/',
      'CC-BY-ND': 'http://creativecommons.org/licenses/by-nd/4.0/',
      'CC-BY-NC-ND': 'https://creativecommons.org/licenses/by-nc-nd/4.0/',
    },
    // id names a Creative Commons license by its alias (CC-BY, ...) as published, or by its URL: only the
    // URL expands as JSON-LD, the alias is a relative IRI there (ERRATA.md X3).
    properties: { id: { type: 'string', pattern: '^(CC-|https?://creativecommons\\.org/)' }, name: text, legalCode: uri },
    required: ['id', 'name'],
  },
  {
    name: 'endorsement',
    title: 'Endorsement (1.1 extension)',
    types: ['endorsement', 'extensions:Endorsement'],
    // As published, `endorsement:` is no prefix (its IRI does not end in / or #), so endorsedObject expands to
    // the IRI "endorsement:/endorsedObject"; kept so both contexts expand alike (ERRATA.md X5).
    terms: { endorsement: 'extensions:Endorsement', endorsedObject: 'endorsement:/endorsedObject' },
    properties: { description: text, endorsedObject: { type: 'object' } },
    required: ['description'],
  },
  {
    name: 'extraDescription',
    title: 'Extra Description',
    types: ['extensions:ExtraDescriptionExtension'],
    // name and narrative are the OB 2.0 terms.
    terms: {},
    properties: { name: text, narrative: text },
    required: ['name', 'narrative'],
  },
  {
    name: 'issuerAccreditationExtension',
    title: 'Issuer Accreditation',
    types: ['extensions:IssuerAccreditation'],
    prefixes: { schema: SCHEMA_ORG },
    terms: {
      name: 'schema:name',
      contactInstructions: 'extensions:accreditationContactInstructions',
      email: 'schema:email',
      url: 'schema:url',
      address: 'schema:address',
      streetAddress: 'schema:streetAddress',
      addressLocality: 'schema:addressLocality',
      addressRegion: 'schema:addressRegion',
      postalCode: 'schema:postalCode',
      addressCountry: 'schema:addressCountry',
      description: 'schema:description',
      logo: 'schema:logo',
      parentOrganization: 'schema:parentOrganization',
      areaServed: 'schema:areaServed',
      accreditationDate: 'extensions:accreditationDate',
      educationalSector: 'extensions:accreditationEducationalSector',
    },
    properties: {
      name: text,
      contactInstructions: text,
      email: text,
      url: uri,
      description: text,
      address,
      logo: uri,
      parentOrganization: { type: 'object', properties: { name: text, url: uri, address } },
      areaServed: text,
      accreditationDate: { $comment: 'An ISO 8601 calendar date, with or without dashes.', type: 'string', pattern: '^[0-9]{4}(-?)(1[0-2]|0[1-9])\\1(3[01]|0[1-9]|[12][0-9])$' },
      educationalSector: text,
    },
    required: ['name', 'contactInstructions', 'url', 'address'],
  },
  {
    name: 'assessmentExtension',
    title: 'Assessment',
    types: ['extensions:AssessmentExtension'],
    prefixes: { schema: SCHEMA_ORG, case: 'https://purl.imsglobal.org/spec/case/vocab#' },
    terms: {
      Artifact: 'extensions:AssessmentExtensionArtifact',
      Exam: 'extensions:AssessmentExtensionExam',
      Performance: 'extensions:AssessmentExtensionPerformance',
      ExternalQuestion: 'extensions:AssessmentExtensionExternalQuestion',
      FileQuestion: 'extensions:AssessmentExtensionFileQuestion',
      TextQuestion: 'extensions:AssessmentExtensionTextQuestion',
      assessments: 'extensions:assessments',
      assessmentOutput: 'extensions:assessmentOutput',
      assessmentExample: 'extensions:assessmentExample',
      assessmentEvaluation: 'extensions:assessmentEvaluation',
      evaluationMethod: 'extensions:assessmentEvaluationMethod',
      hasGroupEvaluation: 'extensions:assessmentHasGroupEvaluation',
      hasGroupParticipation: 'extensions:assessmentHasGroupParticipation',
      scoringMethodExampleDescription: 'extensions:assessmentScoringMethodExampleDescription',
      sections: 'extensions:assessmentSections',
      questions: 'extensions:assessmentQuestions',
      required: 'extensions:assessmentRequired',
      wordLimit: 'extensions:assessmentWordLimit',
      characterLimit: 'extensions:assessmentCharacterLimit',
      text: 'schema:text',
      rubrics: 'case:rubrics',
      rubricId: 'case:rubricId',
      rubricCriteria: 'case:CFRubricCriteria',
      criterionLevels: 'case:CFRubricCriterionLevels',
      caseUri: 'case:uri',
      category: 'case:category',
      description: 'case:description',
      identifier: 'case:identifier',
      lastChangeDateTime: 'case:lastChangeDateTime',
      position: 'case:position',
      quality: 'case:quality',
      score: 'case:score',
      title: 'case:title',
      weight: 'case:weight',
    },
    properties: { description: text, assessments: oneOrMany({ $ref: '#/$defs/assessment' }) },
    required: ['description', 'assessments'],
    $defs: {
      assessment: {
        type: 'object',
        properties: {
          type: { enum: ['Exam', 'Performance', 'Artifact'] },
          description: text,
          assessmentOutput: text,
          hasGroupParticipation: { type: 'boolean' },
          hasGroupEvaluation: { type: 'boolean' },
          evaluationMethod: text,
          assessmentExample: uri,
          scoringMethodExampleDescription: text,
          assessmentEvaluation: uri,
          rubrics: oneOrMany({ $ref: '#/$defs/rubric' }),
          sections: oneOrMany({ $ref: '#/$defs/section' }),
        },
        required: ['description', 'type', 'assessmentOutput', 'hasGroupParticipation', 'hasGroupEvaluation', 'evaluationMethod'],
      },
      rubric: {
        type: 'object',
        properties: { identifier: UUID, title: text, lastChangeDateTime: dateTime, caseUri: uri, rubricCriteria: oneOrMany({ $ref: '#/$defs/criterion' }) },
        required: ['identifier', 'rubricCriteria', 'title'],
      },
      criterion: {
        type: 'object',
        properties: {
          identifier: UUID, lastChangeDateTime: dateTime, caseUri: uri, category: text, description: text,
          weight: { type: 'number' }, position: { type: 'number' }, criterionLevels: oneOrMany({ $ref: '#/$defs/level' }),
        },
        required: ['identifier'],
      },
      level: {
        type: 'object',
        // `feedback` is in the official schema but not in its context (ERRATA.md X4): JSON-LD refuses it.
        properties: { identifier: UUID, lastChangeDateTime: dateTime, caseUri: uri, quality: text, score: { type: 'number' }, description: text, position: { type: 'number' }, feedback: text },
        required: ['identifier', 'description'],
      },
      section: {
        type: 'object',
        properties: { title: text, description: text, rubricId: text, url: uri, required: { type: 'boolean' }, questions: oneOrMany({ $ref: '#/$defs/question' }) },
      },
      question: {
        type: 'object',
        properties: {
          type: { enum: ['ExternalQuestion', 'FileQuestion', 'TextQuestion'] },
          text, rubricId: text, url: uri, required: { type: 'boolean' }, wordLimit: { type: 'number' }, characterLimit: { type: 'number' },
        },
        required: ['type', 'text'],
      },
    },
  },
];

/** Every name the `Extension` class goes by. */
export const EXTENSION_CLASS = ['Extension', 'obi:Extension', `${OBI}Extension`];

/** Full IRIs of an extension's type names, for matching expanded or hand-written full types. */
export const expandedTypes = (ext: ObExtension): string[] =>
  ext.types.map((t) => (t.startsWith('extensions:') ? `${EXTENSIONS_NS}${t.slice('extensions:'.length)}` : t === 'endorsement' ? `${EXTENSIONS_NS}Endorsement` : t));

/** The JSON Schema of one extension node: its class, its own type and its properties. */
export function extensionSchema(ext: ObExtension): Schema {
  const names = [...ext.types, ...expandedTypes(ext)];
  return {
    $schema: DIALECT,
    $id: extensionSchemaId(ext.name),
    title: `OB 2.0 extension: ${ext.title}`,
    type: 'object',
    properties: {
      '@context': common('context'),
      type: {
        $comment: 'An array naming the Extension class and the extension type.',
        type: 'array',
        items: { type: 'string' },
        allOf: [{ contains: { enum: EXTENSION_CLASS } }, { contains: { enum: names } }],
      },
      ...ext.properties,
    },
    required: ['@context', 'type', ...(ext.required ?? [])],
    ...(ext.$defs ? { $defs: ext.$defs } : {}),
  };
}

export const extensionSchemas: Schema[] = OB_EXTENSIONS.map(extensionSchema);

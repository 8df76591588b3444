// CLR 1.0 API payloads: Clr (getClr 200), ClrSet (getClrs 200), ClrPayload (postClr), the discovery
// document and imsx_StatusInfo (every error body). Errata ids: ERRATA.md.
import { DIALECT, ref, requires, type Schema } from '../../src/build.js';
import { SchemaIds } from '../../src/ids.js';
import { arrayOf, clrClass, clrDef } from './common.js';

const ids = SchemaIds.clr;

/** imsx_codeMinorFieldValue values of CLR 1.0 (the CLR 2.0 list is longer). */
export const CLR_CODE_MINOR = ['forbidden', 'fullsuccess', 'internal_server_error', 'invalid_data', 'invalid_query_parameter', 'server_busy', 'unauthorizedrequest'] as const;

/** A Clr as it appears inside a ClrSet or ClrPayload: @context is carried by the envelope. */
const clrRecord = ref(ids.clr, '/$defs/record');

const record = clrClass({
  id: 'record',
  title: 'Clr (without the @context requirement)',
  properties: {
    achievements: arrayOf(ref(ids.achievement)),
    assertions: arrayOf(ref(ids.assertion)),
    signedAssertions: arrayOf(clrDef('compactJws')),
    endorsements: { $comment: 'E17: Final only (the Candidate Final Clr has no endorsements).', ...arrayOf(ref(ids.endorsement)) },
    signedEndorsements: { $comment: 'E17: Final only.', ...arrayOf(clrDef('compactJws')) },
    issuedOn: clrDef('dateTime'),
    learner: ref(ids.profile),
    publisher: ref(ids.profile),
    name: clrDef('text'),
    partial: { type: 'boolean' },
    revoked: { type: 'boolean' },
    revocationReason: clrDef('text'),
    verification: ref(ids.verification),
  },
  required: ['id', 'issuedOn', 'learner', 'publisher'],
});
// The record lives under $defs; it carries no $schema/$id of its own.
const { $schema: _s, $id: _i, title: _t, ...recordBody } = record;

export const clrSchema: Schema = {
  $schema: DIALECT,
  $id: ids.clr,
  title: 'CLR 1.0 Clr (getClr 200)',
  $comment: 'E18: IRI-named extension properties are allowed on the Clr too; the official Final root is closed.',
  $defs: { record: recordBody },
  $ref: '#/$defs/record',
  type: 'object',
  properties: { '@context': true },
  required: ['@context'],
};

export const clrSetSchema: Schema = {
  $schema: DIALECT,
  $id: ids.clrSet,
  title: 'CLR 1.0 ClrSet (getClrs 200)',
  type: 'object',
  properties: {
    '@context': clrDef('context'),
    id: clrDef('iri'),
    type: { type: 'string' },
    clrs: arrayOf(clrRecord),
    signedClrs: arrayOf(clrDef('compactJws')),
  },
  required: ['@context'],
  additionalProperties: false,
};

export const clrPayloadSchema: Schema = {
  $schema: DIALECT,
  $id: ids.clrPayload,
  title: 'CLR 1.0 ClrPayload (postClr request and 200/201 body)',
  $comment: 'E23: exactly one of clr and signedClr. E17: @context may be an array (Final style).',
  type: 'object',
  properties: {
    '@context': clrDef('context'),
    type: { type: 'string' },
    clr: clrRecord,
    signedClr: clrDef('compactJws'),
  },
  required: ['@context'],
  oneOf: [requires('clr'), requires('signedClr')],
  additionalProperties: false,
};

export const discoverySchema: Schema = {
  $schema: DIALECT,
  $id: ids.discovery,
  title: 'CLR 1.0 discovery document (GET /ims/clr/v1p0/discovery 200)',
  $comment: 'Flat document; unlike the Badge Connect manifest it has no token revocation URL. E20: image is a URL or data URI.',
  type: 'object',
  properties: {
    '@context': clrDef('uri'),
    type: { type: 'string' },
    name: clrDef('text'),
    image: clrDef('image'),
    authorizationUrl: clrDef('uri'),
    tokenUrl: clrDef('uri'),
    registrationUrl: clrDef('uri'),
    scopesOffered: { type: 'array', minItems: 1, items: clrDef('uri') },
    privacyPolicyUrl: clrDef('uri'),
    termsOfServiceUrl: clrDef('uri'),
  },
  required: ['@context', 'name', 'authorizationUrl', 'tokenUrl', 'registrationUrl', 'scopesOffered', 'privacyPolicyUrl', 'termsOfServiceUrl'],
  additionalProperties: false,
};

export const statusInfoSchema: Schema = {
  $schema: DIALECT,
  $id: ids.statusInfo,
  title: 'CLR 1.0 imsx_StatusInfo (every error body)',
  $comment: 'Which codeMinor value suits which HTTP status is checked by the runner, which knows the request.',
  type: 'object',
  properties: {
    imsx_codeMajor: { type: 'string', enum: ['success', 'failure', 'processing', 'unsupported'] },
    imsx_severity: { type: 'string', enum: ['status', 'warning', 'error'] },
    imsx_description: { type: 'string' },
    imsx_codeMinor: {
      type: 'object',
      properties: {
        imsx_codeMinorField: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            properties: {
              imsx_codeMinorFieldName: { type: 'string' },
              imsx_codeMinorFieldValue: { type: 'string', enum: [...CLR_CODE_MINOR] },
            },
            required: ['imsx_codeMinorFieldName', 'imsx_codeMinorFieldValue'],
            additionalProperties: false,
          },
        },
      },
      required: ['imsx_codeMinorField'],
      additionalProperties: false,
    },
  },
  required: ['imsx_codeMajor', 'imsx_severity'],
  additionalProperties: false,
};

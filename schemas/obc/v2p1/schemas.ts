// Badge Connect (OB 2.1) payloads: manifest, status envelope, request and response bodies.
// Errata ids (E#) refer to schemas/ERRATA.md.
import { DIALECT, ref, type Schema } from '../../src/build.js';
import { SCHEMA_BASE, SchemaIds } from '../../src/ids.js';

const ids = SchemaIds.obc;
const OBC_COMMON_ID = `${SCHEMA_BASE}obc/v2p1/common.json`;
const def = (name: string): Schema => ref(OBC_COMMON_ID, `/$defs/${name}`);

/** SPEC21 "Handling Null Values": optional properties may be sent as null (E12). */
const orNull = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] });

export const STATUS_TEXTS = [
  'OK',
  'REQUEST_VALIDATION_ERROR',
  'RECIPIENT_PROFILE_MISMATCH',
  'INVALID_BADGE',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'PERMISSION_DENIED',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
] as const;

export const obcCommonSchema: Schema = {
  $schema: DIALECT,
  $id: OBC_COMMON_ID,
  title: 'Badge Connect shared definitions',
  $defs: {
    uri: { type: 'string', format: 'uri' },
    compactJws: {
      $comment: 'E10: a JWS in compact serialization (three base64url parts); the official schema takes any string.',
      type: 'string',
      pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$',
    },
  },
};

export const statusSchema: Schema = {
  $schema: DIALECT,
  $id: ids.status,
  title: 'Badge Connect status object',
  $comment:
    'E3: error may be null or absent (the spec examples send null). E6: statusText is required as in the SPEC21 ' +
    'table. E7: the enum is the global one; which value fits which endpoint is checked by the runner.',
  type: 'object',
  properties: {
    error: orNull({ type: 'string' }),
    statusCode: { type: 'integer', format: 'int32' },
    statusText: { type: 'string', enum: [...STATUS_TEXTS] },
  },
  required: ['statusCode', 'statusText'],
  additionalProperties: false,
};

const envelope = (id: string, title: string, extra: Schema = {}, required: string[] = []): Schema => ({
  $schema: DIALECT,
  $id: id,
  title,
  type: 'object',
  properties: { status: ref(ids.status), ...extra },
  required: ['status', ...required],
  additionalProperties: false,
});

const badgeConnectApi: Schema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    type: { type: 'string' },
    name: { type: 'string' },
    image: orNull(def('uri')),
    apiBase: def('uri'),
    version: {
      $comment: 'E9: SPEC21 says vMAJORpMINOR; the runner checks the value is v2p1.',
      type: 'string',
      pattern: '^v\\d+p\\d+$',
    },
    termsOfServiceUrl: def('uri'),
    privacyPolicyUrl: def('uri'),
    scopesOffered: { type: 'array', minItems: 1, items: def('uri') },
    registrationUrl: def('uri'),
    authorizationUrl: def('uri'),
    tokenUrl: def('uri'),
    tokenRevocationUrl: orNull(def('uri')),
  },
  required: ['name', 'apiBase', 'version', 'termsOfServiceUrl', 'privacyPolicyUrl', 'scopesOffered', 'registrationUrl', 'authorizationUrl', 'tokenUrl'],
  additionalProperties: false,
};

export const manifestSchema: Schema = {
  $schema: DIALECT,
  $id: ids.manifest,
  title: 'Badge Connect manifest (GET /.well-known/badgeconnect.json 200)',
  $comment: 'E2: @context is allowed because the spec example carries one. E9: id must be a URI.',
  type: 'object',
  properties: {
    '@context': {
      anyOf: [
        { type: 'string', format: 'uri' },
        { type: 'object' },
        { type: 'array', minItems: 1, items: { anyOf: [{ type: 'string', format: 'uri' }, { type: 'object' }] } },
      ],
    },
    id: def('uri'),
    type: { type: 'string' },
    badgeConnectAPI: { type: 'array', minItems: 1, items: badgeConnectApi },
  },
  required: ['id', 'badgeConnectAPI'],
  additionalProperties: false,
};

export const errorResponseSchema: Schema = envelope(ids.errorResponse, 'Badge Connect error body (any 4xx/5xx)');

export const getAssertions200Schema: Schema = envelope(ids.getAssertions200, 'GET /assertions 200', {
  assertions: orNull({ type: 'array', items: ref(SchemaIds.ob20.assertion) }),
  signedAssertions: orNull({ type: 'array', items: def('compactJws') }),
});

export const postAssertionRequestSchema: Schema = {
  $schema: DIALECT,
  $id: ids.postAssertionRequest,
  title: 'POST /assertions request (Assertion Payload)',
  $comment: 'E13: the body must carry an assertion or a signed assertion; when both are present the signed one wins.',
  type: 'object',
  properties: {
    assertion: orNull(ref(SchemaIds.ob20.assertion)),
    signedAssertion: orNull(def('compactJws')),
  },
  anyOf: [
    { required: ['assertion'], properties: { assertion: { type: 'object' } } },
    { required: ['signedAssertion'], properties: { signedAssertion: { type: 'string' } } },
  ],
  additionalProperties: false,
};

export const postAssertion200Schema: Schema = envelope(ids.postAssertion200, 'POST /assertions 200');

const profileProperty = { profile: ref(SchemaIds.ob20.profile) };
const E5 = 'E5: profile is required, as in the SPEC21 response table (the official schema leaves it optional).';

export const getProfile200Schema: Schema = { ...envelope(ids.getProfile200, 'GET /profile 200', profileProperty, ['profile']), $comment: E5 };
export const postProfile200Schema: Schema = { ...envelope(ids.postProfile200, 'POST /profile 200', profileProperty, ['profile']), $comment: E5 };

export const postProfileRequestSchema: Schema = {
  $schema: DIALECT,
  $id: ids.postProfileRequest,
  title: 'POST /profile request (an OB 2.0 Profile)',
  $ref: SchemaIds.ob20.profile,
};

export const obcSchemas: Schema[] = [
  obcCommonSchema,
  statusSchema,
  manifestSchema,
  errorResponseSchema,
  getAssertions200Schema,
  postAssertionRequestSchema,
  postAssertion200Schema,
  getProfile200Schema,
  postProfile200Schema,
  postProfileRequestSchema,
];

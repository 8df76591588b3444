// OAuth 2.0 bodies used by Badge Connect: RFC 7591 registration, RFC 6749 token and error responses.
import { DIALECT, type Schema } from '../src/build.js';
import { SchemaIds } from '../src/ids.js';

const ids = SchemaIds.oauth;
const uri: Schema = { type: 'string', format: 'uri' };
const text: Schema = { type: 'string', minLength: 1 };

// RFC 6749 Appendix A: error and error_description use printable ASCII except '"' and '\'.
const OAUTH_ASCII = '^[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]+$';

/** Client metadata as SPEC21 restricts it; shared by request and response. */
const clientMetadata: Schema = {
  client_name: text,
  client_uri: uri,
  logo_uri: uri,
  tos_uri: uri,
  policy_uri: uri,
  software_id: text,
  software_version: text,
  redirect_uris: { type: 'array', minItems: 1, items: uri },
  token_endpoint_auth_method: { $comment: 'Badge Connect allows only HTTP Basic client authentication.', const: 'client_secret_basic' },
  grant_types: {
    $comment: 'Only the two Badge Connect grants; authorization_code must be among them (the only way to get a token).',
    type: 'array',
    minItems: 1,
    uniqueItems: true,
    items: { enum: ['authorization_code', 'refresh_token'] },
    contains: { const: 'authorization_code' },
  },
  response_types: { type: 'array', minItems: 1, uniqueItems: true, items: { const: 'code' } },
  scope: { type: 'string', pattern: '^\\S+( \\S+)*$' },
  // Other RFC 7591 §2 metadata a client may legitimately send.
  contacts: { type: 'array', items: { type: 'string' } },
  jwks_uri: uri,
  jwks: { type: 'object' },
  software_statement: { type: 'string' },
};

const BADGE_CONNECT_REQUIRED = ['client_name', 'client_uri', 'logo_uri', 'tos_uri', 'policy_uri', 'software_id', 'software_version', 'redirect_uris'];

export const registrationRequestSchema: Schema = {
  $schema: DIALECT,
  $id: ids.registrationRequest,
  title: 'RFC 7591 client registration request with the Badge Connect rules',
  $comment:
    'SPEC21 also requires every URL to be https and to share one host name; that needs the request as a whole ' +
    'and is checked in code so loopback test setups can be told apart from real deployments.',
  type: 'object',
  properties: clientMetadata,
  required: BADGE_CONNECT_REQUIRED,
  additionalProperties: false,
};

export const registrationResponseSchema: Schema = {
  $schema: DIALECT,
  $id: ids.registrationResponse,
  title: 'RFC 7591 client information response (Badge Connect)',
  $comment: 'RFC 7591 §3.2.1: the response echoes all registered metadata; Badge Connect makes the secret mandatory.',
  type: 'object',
  properties: {
    client_id: text,
    client_secret: text,
    client_id_issued_at: { type: 'integer', minimum: 0 },
    client_secret_expires_at: { $comment: '0 means the secret never expires.', type: 'integer', minimum: 0 },
    registration_access_token: text,
    registration_client_uri: uri,
    ...clientMetadata,
  },
  required: ['client_id', 'client_secret', 'client_id_issued_at', 'client_secret_expires_at', ...BADGE_CONNECT_REQUIRED],
  additionalProperties: false,
};

export const tokenResponseSchema: Schema = {
  $schema: DIALECT,
  $id: ids.tokenResponse,
  title: 'RFC 6749 §5.1 access token response',
  type: 'object',
  properties: {
    access_token: text,
    token_type: { $comment: 'Badge Connect uses bearer tokens; the value is case-insensitive (RFC 6749 §7.1).', type: 'string', pattern: '^[Bb][Ee][Aa][Rr][Ee][Rr]$' },
    expires_in: { type: 'integer', minimum: 0 },
    refresh_token: text,
    scope: { type: 'string', pattern: '^\\S+( \\S+)*$' },
  },
  required: ['access_token', 'token_type'],
  additionalProperties: false,
};

export const oauthErrorResponseSchema: Schema = {
  $schema: DIALECT,
  $id: ids.errorResponse,
  title: 'OAuth error response (RFC 6749 §5.2, RFC 7591 §3.2.2, RFC 7009 §2.2.1)',
  $comment: 'The error code set is open across these RFCs, so only its character set is fixed.',
  type: 'object',
  properties: {
    error: { type: 'string', pattern: OAUTH_ASCII },
    error_description: { type: 'string', pattern: OAUTH_ASCII },
    error_uri: uri,
    state: { type: 'string' },
  },
  required: ['error'],
  additionalProperties: false,
};

export const oauthSchemas: Schema[] = [registrationRequestSchema, registrationResponseSchema, tokenResponseSchema, oauthErrorResponseSchema];

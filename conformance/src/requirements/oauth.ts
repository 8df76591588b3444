import type { Role } from '../engine/scenario.js';
import type { Requirement } from './types.js';

const PROVIDER: Role[] = ['obc-service-provider-read', 'obc-service-provider-write'];

type Entry = Omit<Requirement, 'roles'> & { roles?: Role[] };
const r = (e: Entry): Requirement => ({ roles: PROVIDER, ...e });

/**
 * Discovery and OAuth 2.0 statements the provider (and its authorization server) must meet: OB 2.1
 * §Manifest and §Authentication, its certification guide, and the RFCs it builds on. Levels are the
 * source's own words; the scenarios choose the severity from them.
 */
export const OAUTH_REQUIREMENTS: Requirement[] = [
  // OB 2.1 discovery
  r({ id: 'OBC21-MANIFEST', source: 'OBC21', section: 'manifest', level: 'MUST', provenance: 'spec-text',
    summary: 'The provider publishes a JSON manifest at /.well-known/badgeconnect.json, readable without authentication.' }),
  r({ id: 'OBC21-MANIFEST-PROPERTIES', source: 'OBC21', section: 'manifest-properties', level: 'MUST', provenance: 'official-file',
    summary: 'The manifest has id and a non-empty badgeConnectAPI list whose entries carry every required property with the right type.' }),
  r({ id: 'OBC21-MANIFEST-VERSION', source: 'OBC21', section: 'manifest-properties', level: 'MUST', provenance: 'spec-text',
    summary: 'A Badge Connect 2.1 implementation is advertised by an entry whose version is "v2p1".' }),
  r({ id: 'OBC21-MANIFEST-API-BASE', source: 'OBC21', section: 'manifest-properties', level: 'MUST', provenance: 'spec-text',
    summary: 'apiBase is an absolute URL ending with /ims/ob/v2p1 (and, a SHOULD NOT, not with a slash).' }),
  r({ id: 'OBC21-MANIFEST-TLS', source: 'OBC21', section: 'manifest', level: 'MUST', provenance: 'spec-text',
    summary: 'The manifest, the API and the OAuth endpoints are served over TLS (https).' }),
  // OB 2.1 registration
  r({ id: 'OBC21-REGISTRATION', source: 'OBC21', section: 'registration', level: 'MUST', provenance: 'spec-text',
    summary: 'The provider implements RFC 7591 dynamic client registration at registrationUrl and answers a valid request with 201 Created.' }),
  r({ id: 'OBC21-REGISTRATION-REQUIRED-METADATA', source: 'OBC21', section: 'registration', level: 'MUST', provenance: 'spec-text',
    summary: 'A registration request missing any required metadata (client_name, client_uri, logo_uri, tos_uri, policy_uri, software_id, software_version, redirect_uris) is not accepted.' }),
  r({ id: 'OBC21-REGISTRATION-RESPONSE', source: 'OBC21', section: 'registration', level: 'MUST', provenance: 'spec-text',
    summary: 'The registration response is JSON with client_id, client_secret, client_id_issued_at and client_secret_expires_at, sent with Cache-Control: no-store and Pragma: no-cache.' }),
  r({ id: 'OBC21-REGISTRATION-VALIDATION', source: 'OBC21', section: 'registration', level: 'MAY', provenance: 'spec-text',
    summary: 'The provider may reject metadata that breaks the Badge Connect rules, or replace it with compliant values.' }),
  r({ id: 'OBC21-REGISTRATION-HTTPS', source: 'OBC21', section: 'registration', level: 'MUST', provenance: 'spec-text',
    summary: 'Every URL in a registration uses https (a rule on the request; accepting a breach unchanged is reported as a warning).' }),
  r({ id: 'OBC21-REGISTRATION-SAME-HOST', source: 'OBC21', section: 'registration', level: 'MUST', provenance: 'spec-text',
    summary: 'Every URL in a registration shares one host name (a rule on the request; accepting a breach unchanged is a warning).' }),
  r({ id: 'OBC21-REGISTRATION-AUTH-METHOD', source: 'OBC21', section: 'registration', level: 'MUST', provenance: 'spec-text',
    summary: 'token_endpoint_auth_method can only be client_secret_basic.' }),
  r({ id: 'OBC21-REGISTRATION-GRANT-TYPES', source: 'OBC21', section: 'registration', level: 'MUST', provenance: 'spec-text',
    summary: 'grant_types can only hold authorization_code and refresh_token.' }),
  r({ id: 'OBC21-REGISTRATION-RESPONSE-TYPES', source: 'OBC21', section: 'registration', level: 'MUST', provenance: 'spec-text',
    summary: 'response_types can only hold code.' }),
  r({ id: 'OBC21-REGISTRATION-SCOPE', source: 'OBC21', section: 'registration', level: 'MAY', provenance: 'spec-text',
    summary: 'The provider may limit a registration to the scopes it offers; a scope it does not offer should not be granted.' }),
  // OB 2.1 authorization and tokens
  r({ id: 'OBC21-AUTHORIZE', source: 'OBC21', section: 'authorization-request', level: 'MUST', provenance: 'spec-text',
    summary: 'When the user approves, the provider redirects to the registered redirect_uri with a code and the state sent.' }),
  r({ id: 'OBC21-AUTHORIZE-REDIRECT-URI', source: 'OBC21', section: 'authorization-request', level: 'SHOULD', provenance: 'spec-text',
    summary: 'A redirect_uri not registered for the client gets an error shown to the user instead of a redirect.' }),
  r({ id: 'OBC21-AUTHORIZE-STATE', source: 'OBC21', section: 'authorization-request', level: 'MUST', provenance: 'spec-text',
    summary: 'Every authorization request carries state; the provider may refuse one without it (not refusing is information only).' }),
  r({ id: 'OBC21-PKCE-S256', source: 'OBC21', section: 'authorization-request', level: 'MUST', provenance: 'spec-text',
    summary: 'Authorization requests carry a PKCE code_challenge with method S256; requests without it, or with another method, are refused.' }),
  r({ id: 'OBC21-TOKEN', source: 'OBC21', section: 'token-request', level: 'MUST', provenance: 'spec-text',
    summary: 'The token endpoint exchanges a code for tokens given Basic client authentication, redirect_uri, scope and code_verifier.' }),
  r({ id: 'OBC21-SCOPES-OFFLINE', source: 'OBC21', section: 'scopes', level: 'SHOULD', provenance: 'reconstruction',
    summary: 'offline_access is the permission to receive a refresh token: granting it to a client registered for refresh_token yields one.' }),
  r({ id: 'OBC21-REVOCATION-REFRESH', source: 'OBC21', section: 'revocation-by-consumer', level: 'MUST', provenance: 'spec-text',
    summary: 'When the manifest lists tokenRevocationUrl, that RFC 7009 endpoint revokes refresh tokens.' }),
  r({ id: 'OBC21-REVOCATION-ACCESS', source: 'OBC21', section: 'revocation-by-consumer', level: 'SHOULD', provenance: 'spec-text',
    summary: 'The revocation endpoint also revokes access tokens: the API then refuses them with 401.' }),
  // RFCs
  r({ id: 'RFC7591-3.2.1', source: 'RFC7591', section: '3.2.1', level: 'MUST', provenance: 'spec-text',
    summary: 'A successful registration answers 201 with JSON holding client_id and all registered metadata, including values the server changed.' }),
  r({ id: 'RFC7591-3.2.2', source: 'RFC7591', section: '3.2.2', level: 'MUST', provenance: 'spec-text',
    summary: 'A refused registration answers 400 with a JSON error such as invalid_redirect_uri or invalid_client_metadata.' }),
  r({ id: 'RFC6749-3.2', source: 'RFC6749', section: '3.2', level: 'MUST', provenance: 'spec-text',
    summary: 'Token requests are POSTs with form-encoded parameters in the body; a server should not take a code from the URL (warning).' }),
  r({ id: 'RFC6749-3.3', source: 'RFC6749', section: '3.3', level: 'MAY', provenance: 'spec-text',
    summary: 'The server may ignore part of the requested scope, but never grants a scope it does not know (invalid_scope otherwise).' }),
  r({ id: 'RFC6749-4.1.2', source: 'RFC6749', section: '4.1.2', level: 'MUST', provenance: 'spec-text',
    summary: 'The authorization response carries a code and the exact state; a code used twice is denied.' }),
  r({ id: 'RFC6749-4.1.2-REVOKE', source: 'RFC6749', section: '4.1.2', level: 'SHOULD', provenance: 'spec-text',
    summary: 'When a code is used twice, the tokens already issued from it are revoked.' }),
  r({ id: 'RFC6749-4.1.2.1', source: 'RFC6749', section: '4.1.2.1', level: 'MUST', provenance: 'spec-text',
    summary: 'With an invalid redirect URI the server does not redirect to it; other errors go back to the client as an error response.' }),
  r({ id: 'RFC6749-4.1.3', source: 'RFC6749', section: '4.1.3', level: 'MUST', provenance: 'spec-text',
    summary: 'The token request redirect_uri must equal the authorization request one; otherwise the code is refused.' }),
  r({ id: 'RFC6749-5.1', source: 'RFC6749', section: '5.1', level: 'MUST', provenance: 'spec-text',
    summary: 'A token response is JSON with access_token and token_type, scope when it differs from the request, and Cache-Control: no-store with Pragma: no-cache.' }),
  r({ id: 'RFC6749-5.1-EXPIRES-IN', source: 'RFC6749', section: '5.1', level: 'SHOULD', provenance: 'spec-text',
    summary: 'The token response says in expires_in how long the access token lives (RECOMMENDED).' }),
  r({ id: 'RFC6749-5.2', source: 'RFC6749', section: '5.2', level: 'MUST', provenance: 'spec-text',
    summary: 'Token errors are JSON with an error code; failed Basic client authentication answers 401 invalid_client with WWW-Authenticate.' }),
  r({ id: 'RFC6749-6', source: 'RFC6749', section: '6', level: 'MUST', provenance: 'spec-text',
    summary: 'A refresh token obtains a new access token; the requested scope may narrow the grant but never widen it.' }),
  r({ id: 'RFC6749-10.4', source: 'RFC6749', section: '10.4', level: 'SHOULD', provenance: 'reconstruction',
    summary: 'Refresh tokens rotate: a refresh issues a new one and the old one is refused afterwards (the security BCP asks for it).' }),
  r({ id: 'RFC7636-4.4.1', source: 'RFC7636', section: '4.4.1', level: 'MUST', provenance: 'spec-text',
    summary: 'A server that requires PKCE answers a request without a (supported) challenge with the error invalid_request.' }),
  r({ id: 'RFC7636-4.6', source: 'RFC7636', section: '4.6', level: 'MUST', provenance: 'spec-text',
    summary: 'A code_verifier that does not match the challenge is refused with invalid_grant.' }),
  r({ id: 'RFC7009-2.1', source: 'RFC7009', section: '2.1', level: 'MUST', provenance: 'spec-text',
    summary: 'The revocation endpoint takes a form-encoded token (with an optional type hint) from an authenticated client.' }),
  r({ id: 'RFC7009-2.2', source: 'RFC7009', section: '2.2', level: 'MUST', provenance: 'spec-text',
    summary: 'Revocation answers 200 both when the token was revoked and when the token was invalid or unknown.' }),
];

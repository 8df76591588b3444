import type { Role } from '../engine/scenario.js';
import type { Requirement } from './types.js';

const READ: Role[] = ['obc-service-consumer-read'];
const WRITE: Role[] = ['obc-service-consumer-write'];
const OBC: Role[] = [...READ, ...WRITE];
const CLR: Role[] = ['clr-service-consumer'];

type Entry = Omit<Requirement, 'roles'> & { roles?: Role[] };
const obc = (e: Entry): Requirement => ({ roles: OBC, ...e });
const clr = (e: Omit<Entry, 'source' | 'provenance'> & { source?: string; provenance?: Requirement['provenance'] }): Requirement =>
  ({ roles: CLR, source: 'CLR10', provenance: 'reconstruction', ...e });

/**
 * What a Badge Connect or CLR 1.0 consumer must do, judged from the requests it sends to the suite's
 * emulators. CLR 1.0 consumer rules are read from the reference implementation and the OB 2.1 sibling
 * text (no CLR consumer text could be read): `reconstruction` unless the sibling text states them. Fault outcomes (refresh, stop after
 * revocation, report refusals) are our reading of OAuth and OB 2.1 §Retry Behavior.
 */
export const CONSUMER_REQUIREMENTS: Requirement[] = [
  // OB 2.1 certification guide, consumer tables.
  obc({ id: 'OBC21-CERT-consumer-read', source: 'OBC21-CERT', section: 'service-consumer-read', level: 'MUST', provenance: 'spec-text', roles: READ,
    summary: 'A Service Consumer (Read) calls getManifest, registration, authorize, token, GET /assertions and GET /profile.' }),
  obc({ id: 'OBC21-CERT-consumer-write', source: 'OBC21-CERT', section: 'service-consumer-write', level: 'MUST', provenance: 'spec-text', roles: WRITE,
    summary: 'A Service Consumer (Write) calls getManifest, registration, authorize, token and POST /assertions.' }),
  obc({ id: 'OBC21-CERT-consumer-post-profile-optional', source: 'OBC21-CERT', section: 'service-consumer-write', level: 'MAY', provenance: 'spec-text', roles: WRITE,
    summary: 'A Service Consumer (Write) may also call POST /profile, with a valid OB 2.0 Profile.' }),
  obc({ id: 'OBC21-CERT-consumer-pagination', source: 'OBC21-CERT', section: 'service-consumer-read', level: 'MUST', provenance: 'spec-text', roles: READ,
    summary: 'A consumer that pages through GET /assertions handles the pagination headers: it follows every Link next, skipping and repeating none.' }),
  obc({ id: 'OBC21-CERT-consumer-no-extension-fields', source: 'OBC21-CERT', section: 'compliance', level: 'MUST', provenance: 'spec-text', roles: WRITE,
    summary: 'What the consumer POSTs carries no extension data fields beyond the specification.' }),
  // Discovery and registration (OB 2.1 §Registration).
  obc({ id: 'OBC21-CONSUMER-DISCOVERY', source: 'OBC21', section: 'registration', level: 'MUST', provenance: 'spec-text',
    summary: 'A consumer that does not already know the registration URL fetches the manifest before registering.' }),
  obc({ id: 'OBC21-CONSUMER-REGISTRATION-METADATA', source: 'OBC21', section: 'registration', level: 'MUST', provenance: 'spec-text',
    summary: 'The registration request carries client_name, client_uri, logo_uri, tos_uri, policy_uri, software_id, software_version and redirect_uris, well typed.' }),
  obc({ id: 'OBC21-CONSUMER-REGISTRATION-URLS', source: 'OBC21', section: 'registration', level: 'MUST', provenance: 'spec-text',
    summary: 'Registered URLs use https (a loopback http redirect URI is accepted for a local client) and the redirect URIs share one host.' }),
  obc({ id: 'OBC21-CONSUMER-REGISTRATION-AUTH-METHOD', source: 'OBC21', section: 'registration', level: 'MUST', provenance: 'spec-text',
    summary: 'The registration asks for token_endpoint_auth_method client_secret_basic or leaves it to that default.' }),
  // Authorization and token (OB 2.1 §Obtaining Tokens; RFC 6749; RFC 7636).
  obc({ id: 'OBC21-CONSUMER-PKCE-S256', source: 'OBC21', section: 'authorization-request', level: 'MUST', provenance: 'spec-text',
    summary: 'Every authorization request carries a PKCE code_challenge with code_challenge_method S256.' }),
  obc({ id: 'OBC21-CONSUMER-STATE', source: 'OBC21', section: 'authorization-request', level: 'MUST', provenance: 'spec-text',
    summary: 'Every authorization request carries an opaque state value.' }),
  obc({ id: 'OBC21-CONSUMER-STATE-FRESH', source: 'RFC6749', section: '10.12', level: 'MUST', provenance: 'spec-text',
    summary: 'The state is a non-guessable CSRF binding value: it is never repeated across authorizations (two runs of the candidate send different values).' }),
  obc({ id: 'OBC21-CONSUMER-STATE-ENTROPY', source: 'RFC6749', section: '10.10', level: 'SHOULD', provenance: 'reconstruction',
    summary: 'Each state can carry at least 128 bits (RFC 6749 §10.10 bounds guessing at 2^-128); estimated from length and alphabet, so a shortfall is a warning.' }),
  obc({ id: 'OBC21-CONSUMER-CODE-ONCE', source: 'RFC6749', section: '4.1.2', level: 'MUST', provenance: 'spec-text',
    summary: 'An authorization code is exchanged once: the client must not use it more than once (a replay is refused and revokes its tokens).' }),
  obc({ id: 'OBC21-CONSUMER-API-VERSION', source: 'OBC21-CERT', section: 'service-consumer-read', level: 'MUST', provenance: 'spec-text',
    summary: 'The consumer uses the badgeConnectAPI entry whose version is v2p1 (the certification tables name the /ims/ob/v2p1 endpoints), not whichever entry comes first.' }),
  obc({ id: 'OBC21-CONSUMER-STATE-CHECK', source: 'RFC6749', section: '10.12', level: 'MUST', provenance: 'spec-text',
    summary: 'An authorization response whose state differs from the one sent is rejected: its code is never exchanged.' }),
  obc({ id: 'OBC21-CONSUMER-SCOPES-OFFERED', source: 'OBC21', section: 'scopes', level: 'MUST', provenance: 'reconstruction',
    summary: 'Registration, authorization and token requests ask only for scopes the manifest offers (offline_access included).' }),
  obc({ id: 'OBC21-CONSUMER-TOKEN-BASIC-AUTH', source: 'OBC21', section: 'token-request', level: 'MUST', provenance: 'spec-text',
    summary: 'Token requests authenticate the client with HTTP Basic (client_id:client_secret), never with the secret in the body.' }),
  obc({ id: 'OBC21-CONSUMER-TOKEN-PARAMS', source: 'OBC21', section: 'token-request', level: 'MUST', provenance: 'spec-text',
    summary: 'The code exchange is a form POST with grant_type, code, redirect_uri, scope and code_verifier.' }),
  obc({ id: 'OBC21-CONSUMER-BEARER-HEADER', source: 'OBC21', section: 'authenticating-with-tokens', level: 'MUST', provenance: 'spec-text',
    summary: 'API calls send the access token in the Authorization: Bearer header, never in the query string or body.' }),
  // Writes and fault outcomes.
  obc({ id: 'OBC21-CONSUMER-PAYLOAD-VALID', source: 'OBC21', section: 'assertion-payload', level: 'MUST', provenance: 'official-file', roles: WRITE,
    summary: 'A POST /assertions body is a valid Assertion Payload and a POST /profile body a valid OB 2.0 Profile.' }),
  obc({ id: 'OBC21-CONSUMER-WRITE-SCOPE', source: 'OBC21-CERT', section: 'compliance', level: 'MUST', provenance: 'spec-text', roles: WRITE,
    summary: 'A POST carries an access token with the right scope: when the grant (the token response\'s scope) lacks the write scope, the consumer does not POST with it.' }),
  obc({ id: 'OBC21-CONSUMER-POST-ERROR', source: 'OBC21', section: 'retry-behavior', level: 'MUST', provenance: 'reconstruction', roles: WRITE,
    summary: 'A POST refused with an error envelope is surfaced as a failure (exit status or message), never reported as success.' }),
  obc({ id: 'OBC21-CONSUMER-REFRESH', source: 'RFC6749', section: '6', level: 'MUST', provenance: 'reconstruction', roles: READ,
    summary: 'After a 401 invalid_token for an expired access token the consumer obtains a new one (refresh grant) and repeats the call.' }),
  obc({ id: 'OBC21-CONSUMER-REVOKED-STOP', source: 'OBC21', section: 'revocation-by-resource-owner', level: 'MUST', provenance: 'reconstruction', roles: READ,
    summary: 'Once the grant is revoked the consumer stops calling (a few requests at most), rather than looping.' }),
  obc({ id: 'OBC21-CONSUMER-REVOKED-REPORT', source: 'OBC21', section: 'retry-behavior', level: 'SHOULD', provenance: 'reconstruction', roles: READ,
    summary: 'A consumer whose grant was revoked tells the user (exit status or message).' }),

  // CLR 1.0 consumer (flow of the reference consumer lineage; OB 2.1 wording). Registration, authorization
  // and token rows are the IMS Security Framework profile OB 2.1 writes out, which clr.md §4 tags [S]
  // (sibling text) point by point, hence spec-text; the rest stays a reconstruction, judged as a warning.
  clr({ id: 'CLR10-CERT-consumer', source: 'CLR10-CERT', section: 'service-consumer', level: 'MUST',
    summary: 'A CLR consumer calls discovery, registration, authorize, token and getClrs.' }),
  clr({ id: 'CLR10-CONSUMER-DISCOVERY', section: 'discovery', level: 'MUST', summary: 'The consumer reads the discovery document before registering.' }),
  clr({ id: 'CLR10-CONSUMER-REGISTRATION-METADATA', provenance: 'spec-text', section: 'registration', level: 'MUST', summary: 'The registration request carries every required RFC 7591 metadata field of the IMS profile, including software_id and software_version.' }),
  clr({ id: 'CLR10-CONSUMER-REGISTRATION-URLS', provenance: 'spec-text', section: 'registration', level: 'MUST', summary: 'Registered URLs use https (loopback http redirect URIs accepted) and the redirect URIs share one host.' }),
  clr({ id: 'CLR10-CONSUMER-REGISTRATION-AUTH-METHOD', provenance: 'spec-text', section: 'registration', level: 'MUST', summary: 'The registration asks for client_secret_basic or leaves it to that default.' }),
  clr({ id: 'CLR10-CONSUMER-PKCE-S256', provenance: 'spec-text', section: 'authorization', level: 'MUST', summary: 'Every authorization request carries a PKCE code_challenge with method S256.' }),
  clr({ id: 'CLR10-CONSUMER-STATE', provenance: 'spec-text', section: 'authorization', level: 'MUST', summary: 'Every authorization request carries state.' }),
  clr({ id: 'CLR10-CONSUMER-STATE-FRESH', source: 'RFC6749', section: '10.12', level: 'MUST', provenance: 'spec-text', summary: 'The state is never repeated across authorizations (two runs of the candidate send different values).' }),
  clr({ id: 'CLR10-CONSUMER-STATE-ENTROPY', source: 'RFC6749', section: '10.10', level: 'SHOULD', summary: 'Each state can carry at least 128 bits; estimated from length and alphabet, so a shortfall is a warning.' }),
  clr({ id: 'CLR10-CONSUMER-CODE-ONCE', source: 'RFC6749', section: '4.1.2', level: 'MUST', provenance: 'spec-text', summary: 'An authorization code is exchanged once.' }),
  clr({ id: 'CLR10-CONSUMER-STATE-CHECK', source: 'RFC6749', section: '10.12', level: 'MUST', provenance: 'spec-text', summary: 'An authorization response with a state other than the one sent is rejected.' }),
  clr({ id: 'CLR10-CONSUMER-SCOPES-OFFERED', section: 'scopes', level: 'MUST', summary: 'The consumer asks only for scopes the discovery document offers (offline_access included).' }),
  clr({ id: 'CLR10-CONSUMER-TOKEN-BASIC-AUTH', provenance: 'spec-text', section: 'token', level: 'MUST', summary: 'Token requests use HTTP Basic client authentication.' }),
  clr({ id: 'CLR10-CONSUMER-TOKEN-PARAMS', provenance: 'spec-text', section: 'token', level: 'MUST', summary: 'The code exchange sends grant_type, code, redirect_uri, scope and code_verifier as a form.' }),
  clr({ id: 'CLR10-CONSUMER-BEARER-HEADER', section: 'api', level: 'MUST', summary: 'API calls send the access token only in the Authorization: Bearer header.' }),
  clr({ id: 'CLR10-CONSUMER-PAGINATION', section: 'getclrs', level: 'MUST', summary: 'A consumer reading a paged getClrs list follows every Link next, skipping and repeating none.' }),
  clr({ id: 'CLR10-CONSUMER-PAYLOAD-VALID', section: 'postclr', level: 'MUST', provenance: 'official-file',
    summary: 'A postClr body is a valid ClrPayload: the Clr inside `clr` (or a JWS in `signedClr`), never a bare Clr.' }),
  clr({ id: 'CLR10-CONSUMER-NO-EXTENSION-FIELDS', section: 'postclr', level: 'MUST', provenance: 'official-file',
    summary: 'A postClr body has no properties the ClrPayload schema does not define (it allows no others).' }),
  clr({ id: 'CLR10-CONSUMER-REFRESH', source: 'RFC6749', section: '6', level: 'MUST', summary: 'After a 401 invalid_token for an expired access token the consumer obtains a new one and repeats the call.' }),
  clr({ id: 'CLR10-CONSUMER-REVOKED-STOP', section: 'api', level: 'MUST', summary: 'Once the grant is revoked the consumer stops calling rather than looping.' }),
  { id: 'LRC-CONSUMER-FINISHES', source: 'LRC', section: 'consumer-trigger', level: 'SHOULD', provenance: 'reconstruction', roles: [...OBC, ...CLR],
    summary: 'A candidate started by --trigger finishes by itself within the wait (its exit code and last output lines are kept as evidence).' },
  clr({ id: 'CLR10-CONSUMER-REVOKED-REPORT', section: 'api', level: 'SHOULD', summary: 'A consumer whose grant was revoked tells the user.' }),
];

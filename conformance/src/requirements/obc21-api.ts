import type { Role } from '../engine/scenario.js';
import type { Requirement } from './types.js';

const READ: Role[] = ['obc-service-provider-read'];
const WRITE: Role[] = ['obc-service-provider-write'];
const BOTH: Role[] = [...READ, ...WRITE];

/**
 * Badge Connect (OB 2.1) API rules for a Service Provider, the OB 2.0 data-model rules its payloads
 * carry, and the certification guide's rows. Levels follow the wording of the source; where the
 * scenario grades more leniently (an ambiguous rule) the scenario says why.
 */
export const OBC21_API_REQUIREMENTS: Requirement[] = [
  // Certification guide (CERT21) rows.
  { id: 'OBC21-CERT-provider-read', source: 'OBC21-CERT', section: 'service-provider-read', level: 'MUST', summary: 'A Service Provider (Read) answers GET /assertions and GET /profile and supports the pagination parameters and headers.', roles: READ, provenance: 'spec-text' },
  { id: 'OBC21-CERT-provider-write', source: 'OBC21-CERT', section: 'service-provider-write', level: 'MUST', summary: 'A Service Provider (Write) accepts POST /assertions.', roles: WRITE, provenance: 'spec-text' },
  { id: 'OBC21-CERT-post-profile-optional', source: 'OBC21-CERT', section: 'service-provider-write', level: 'MAY', summary: 'A Service Provider (Write) may also accept POST /profile.', roles: WRITE, provenance: 'spec-text' },
  { id: 'OBC21-CERT-no-extension-fields', source: 'OBC21-CERT', section: 'compliance', level: 'MUST', summary: 'Payloads carry no extension data fields beyond the specification (graded as a warning: OB 2.0 itself allows extensions).', roles: BOTH, provenance: 'spec-text' },

  // Envelope and statusText (SPEC21 §Response Envelope, §Responses).
  { id: 'OBC21-ENVELOPE', source: 'OBC21', section: 'response-envelope', level: 'MUST', summary: 'Every Badge Connect response body is a JSON object with a status object whose statusCode mirrors the HTTP status and which has a statusText.', roles: BOTH, provenance: 'spec-text' },
  { id: 'OBC21-STATUS-TEXT', source: 'OBC21', section: 'responses', level: 'MUST', summary: 'statusText is one of the values the response table allows for the endpoint and HTTP status.', roles: BOTH, provenance: 'spec-text' },

  // Authorization on the API (SPEC21 §Scopes, RFC 6750).
  { id: 'OBC21-AUTH-BEARER', source: 'OBC21', section: 'scopes', level: 'MUST', summary: 'Protected endpoints refuse a request without a valid access token with 401 UNAUTHENTICATED.', roles: BOTH, provenance: 'spec-text' },
  { id: 'OBC21-AUTH-CHALLENGE', source: 'RFC6750', section: '3', level: 'MUST', summary: 'A 401 for a missing or bad token carries a WWW-Authenticate header with the Bearer scheme.', roles: BOTH, provenance: 'spec-text' },
  { id: 'OBC21-AUTH-HEADER-ONLY', source: 'RFC6750', section: '2.3', level: 'SHOULD', summary: 'An access token sent in the query string instead of the Authorization header is not honoured (Badge Connect uses the header; RFC 6750 lets servers support query tokens but advises against them).', roles: READ, provenance: 'reconstruction' },
  { id: 'OBC21-SCOPE', source: 'OBC21', section: 'scopes', level: 'MUST', summary: 'Each endpoint requires its scope; a token without it is refused with PERMISSION_DENIED (401 in OB 2.1; 403 accepted per RFC 6750).', roles: BOTH, provenance: 'spec-text' },
  { id: 'OBC21-SCOPE-401', source: 'OBC21', section: 'responses', level: 'SHOULD', summary: 'Insufficient scope is answered with 401 as OB 2.1\'s response table lists, rather than RFC 6750\'s 403.', roles: BOTH, provenance: 'reconstruction' },

  // GET /assertions (SPEC21 §Assertions, §Pagination; OAS21 getAssertions).
  { id: 'OBC21-GET-ASSERTIONS', source: 'OBC21', section: 'getassertions', level: 'MUST', summary: 'GET /assertions answers 200 with the status object and the user\'s assertions and signed assertions.', roles: READ, provenance: 'spec-text' },
  { id: 'OBC21-GET-ASSERTIONS-PARAMS', source: 'OBC21', section: 'getassertions', level: 'MUST', summary: 'limit (integer ≥ 1), offset (integer ≥ 0) and since (date-time with zone) are validated; a malformed value is a 400.', roles: READ, provenance: 'official-file' },
  { id: 'OBC21-UNIQUE-ID', source: 'OBC21', section: 'getassertions', level: 'SHOULD', summary: 'Each assertion id is listed only once.', roles: READ, provenance: 'spec-text' },
  { id: 'OBC21-ORDER', source: 'OBC21', section: 'getassertions', level: 'SHOULD', summary: 'Assertions are listed by last update, newest first (observable only through the suite\'s own writes).', roles: WRITE, provenance: 'spec-text' },
  { id: 'OBC21-SINCE', source: 'OBC21', section: 'getassertions', level: 'SHOULD', summary: 'With since, only assertions created or updated after that time are listed.', roles: BOTH, provenance: 'spec-text' },
  { id: 'OBC21-LIMIT', source: 'OBC21', section: 'pagination', level: 'SHOULD', summary: 'The provider honours limit: a page holds no more records than asked for.', roles: READ, provenance: 'spec-text' },
  { id: 'OBC21-PAGINATION-OFFSET', source: 'OBC21', section: 'pagination', level: 'MUST', summary: 'offset is the zero-based index of the first record, so walking the pages lists every record once.', roles: READ, provenance: 'official-file' },
  { id: 'OBC21-PAGINATION-LINK', source: 'OBC21', section: 'pagination', level: 'MUST', summary: 'A Link header is sent when the list is incomplete, with first and last, next when more records remain and prev when offset > 0.', roles: READ, provenance: 'spec-text' },
  { id: 'OBC21-PAGINATION-TOTAL-COUNT', source: 'OBC21', section: 'pagination', level: 'SHOULD', summary: 'X-Total-Count gives the number of records when the provider knows it (RECOMMENDED).', roles: READ, provenance: 'spec-text' },
  { id: 'OBC21-PAGINATION-TOTAL-COUNT-ACCURATE', source: 'OBC21', section: 'pagination', level: 'MUST', summary: 'An X-Total-Count that is sent is the true total (the header must be omitted when the total is unknown).', roles: READ, provenance: 'reconstruction' },

  // POST /assertions (SPEC21 §Assertions, §Assertion Payload).
  { id: 'OBC21-POST-ASSERTION', source: 'OBC21', section: 'postassertion', level: 'MUST', summary: 'POST /assertions with a valid assertion answers 200 OK and the assertion is then listed, unchanged, for the user.', roles: WRITE, provenance: 'spec-text' },
  { id: 'OBC21-POST-ASSERTION-UPDATE', source: 'OBC21', section: 'postassertion', level: 'MUST', summary: 'POST of a held assertion id updates it in place: afterwards one copy is listed, with the posted content (driven with an unchanged re-post, the only change a verifying provider must accept from a holder).', roles: WRITE, provenance: 'spec-text' },
  { id: 'OBC21-POST-ASSERTION-BODY', source: 'OBC21', section: 'assertion-payload', level: 'MUST', summary: 'A POST /assertions body that is not a JSON Assertion Payload is refused with 400.', roles: WRITE, provenance: 'official-file' },
  { id: 'OBC21-POST-ASSERTION-VERIFY', source: 'OBC21', section: 'postassertion', level: 'SHOULD', summary: 'The provider verifies every posted assertion and refuses one that is not a valid OB 2.0 Assertion.', roles: WRITE, provenance: 'spec-text' },
  { id: 'OBC21-REFUSAL-NO-EFFECT', source: 'OBC21', section: 'postassertion', level: 'MUST', summary: 'A refused POST /assertions stores nothing.', roles: WRITE, provenance: 'reconstruction' },

  // Profile (SPEC21 §Profile).
  { id: 'OBC21-PROFILE', source: 'OBC21', section: 'getprofile', level: 'MUST', summary: 'GET /profile answers 200 with the status object and the user\'s OB 2.0 Profile (id, type).', roles: READ, provenance: 'spec-text' },
  { id: 'OBC21-POST-PROFILE', source: 'OBC21', section: 'postprofile', level: 'MUST', summary: 'Where POST /profile is offered, a profile with a new identifier is answered 200 with the status object and the profile.', roles: WRITE, provenance: 'spec-text' },

  // Errors on unknown paths and methods (SPEC21 §Responses).
  { id: 'OBC21-NOT-FOUND', source: 'OBC21', section: 'responses', level: 'MUST', summary: 'An unknown path under apiBase answers 404 NOT_FOUND in the envelope.', roles: READ, provenance: 'spec-text' },
  { id: 'OBC21-METHOD-NOT-ALLOWED', source: 'OBC21', section: 'responses', level: 'MUST', summary: 'An unsupported method on a Badge Connect path answers 405 METHOD_NOT_ALLOWED in the envelope.', roles: READ, provenance: 'spec-text' },
  { id: 'OBC21-ALLOW-HEADER', source: 'OBC21', section: 'responses', level: 'SHOULD', summary: 'A 405 names the supported methods in an Allow header (HTTP semantics; Badge Connect is silent).', roles: READ, provenance: 'reconstruction' },

  // OB 2.0 data model carried by the API (SPEC20).
  { id: 'OB20-Assertion', source: 'OB20', section: 'Assertion', level: 'MUST', summary: 'Every listed assertion is a valid OB 2.0 Assertion (id, type, recipient, badge, verification, issuedOn, ...).', roles: BOTH, provenance: 'spec-text' },
  { id: 'OB20-JSON-LD', source: 'OB20', section: 'Extensions', level: 'MUST', summary: 'OB 2.0 documents are JSON-LD whose every property maps to an IRI through the context.', roles: READ, provenance: 'spec-text' },
  { id: 'OB20-SignedBadge', source: 'OB20', section: 'SignedBadge', level: 'MUST', summary: 'A signed assertion is a compact JWS whose payload is the assertion and whose signature verifies with the key named by verification.creator.', roles: [...READ, 'clr-service-provider'], provenance: 'spec-text' },
  { id: 'OB20-Profile', source: 'OB20', section: 'Profile', level: 'MUST', summary: 'A profile is an OB 2.0 Profile with id and type.', roles: BOTH, provenance: 'spec-text' },
];

import type { Role } from '../engine/scenario.js';
import type { Provenance, Requirement } from './types.js';

const ROLES: Role[] = ['clr-service-provider'];

/**
 * Provenance follows the confidence tags of the CLR research notes (shared/spec/clr.md):
 * [A] official file → 'official-file'; [S] sibling spec text (OB 2.1 / OB 3.0) → 'spec-text';
 * [B] reference-implementation lineage and [R] reconstruction → 'reconstruction'.
 */
const A: Provenance = 'official-file';
const S: Provenance = 'spec-text';
const R: Provenance = 'reconstruction';

type Entry = Omit<Requirement, 'roles' | 'source'> & { source?: string };
const r = (e: Entry): Requirement => ({ source: 'CLR10', roles: ROLES, ...e });

/** CLR 1.0 Service Provider: discovery, OAuth profile, the four REST operations, records and errors. */
export const CLR10_REQUIREMENTS: Requirement[] = [
  // Discovery (clr.md §3): path [B], document shape [A].
  r({ id: 'CLR10-DISCOVERY', section: 'getdiscoverydocument', level: 'MUST', provenance: R,
    summary: 'GET {base}/ims/clr/v1p0/discovery answers 200 JSON without authentication.' }),
  r({ id: 'CLR10-DISCOVERY-DOCUMENT', section: 'discoverydocument', level: 'MUST', provenance: A,
    summary: 'The discovery document has @context, name, authorizationUrl, tokenUrl, registrationUrl, scopesOffered (at least one), privacyPolicyUrl and termsOfServiceUrl.' }),
  r({ id: 'CLR10-DISCOVERY-SCOPES', section: 'discoverydocument', level: 'MUST', provenance: R,
    summary: 'scopesOffered lists the CLR 1.0 scope URIs of the operations the provider serves (readonly, replace, delete).' }),
  r({ id: 'CLR10-NO-EXTENSION-FIELDS', section: 'discoverydocument', level: 'SHOULD', provenance: A,
    summary: 'CLR payloads carry no properties outside the binding (the official schemas close their objects); extensions are a warning.' }),
  r({ id: 'CLR10-TLS', section: 'security', level: 'MUST', provenance: S,
    summary: 'Discovery, the CLR API and the OAuth endpoints are served over TLS (https).' }),

  // OAuth 2.0 profile (clr.md §4, the IMS Security Framework profile written out in OB 2.1 / OB 3.0).
  r({ id: 'CLR10-REGISTRATION', section: 'registration', level: 'MUST', provenance: S,
    summary: 'registrationUrl implements RFC 7591: a valid request is answered 201 JSON with client_id, client_secret and their timestamps, not cacheable.' }),
  r({ id: 'CLR10-AUTHORIZE', section: 'authorization', level: 'MUST', provenance: S,
    summary: 'authorizationUrl runs the authorization code grant with PKCE S256 and redirects to the registered redirect_uri with a code and the state sent.' }),
  r({ id: 'CLR10-PKCE-S256', section: 'authorization', level: 'MUST', provenance: S,
    summary: 'PKCE with S256 is mandatory: an authorization request without a code_challenge or with method plain is refused, and so is a code exchange whose code_verifier does not match.' }),
  r({ id: 'CLR10-AUTHORIZE-STATE', section: 'authorization', level: 'MAY', provenance: S,
    summary: 'The provider may refuse an authorization request without state (clients must send one; accepting it is information only).' }),
  r({ id: 'CLR10-AUTHORIZE-REDIRECT-URI', section: 'authorization', level: 'SHOULD', provenance: S,
    summary: 'A redirect_uri not registered for the client gets an error shown to the user instead of a redirect.' }),
  r({ id: 'CLR10-TOKEN', section: 'token', level: 'MUST', provenance: S,
    summary: 'tokenUrl exchanges a code (Basic client authentication, code_verifier) for a bearer access token with its scope, sent with Cache-Control: no-store.' }),
  r({ id: 'CLR10-OFFLINE-ACCESS', section: 'token', level: 'SHOULD', provenance: R,
    summary: 'A client registered for refresh_token that is granted offline_access receives a refresh token.' }),
  r({ id: 'CLR10-REFRESH', section: 'refresh', level: 'MUST', provenance: S,
    summary: 'Where refresh tokens are issued, the refresh grant (Basic client authentication) issues a new access token and never widens the granted scope.' }),

  // Authorization on the API: tokens required by the IMS Security Framework profile (clr.md §4 [S]; 401 in
  // every operation's error schema [A]); which scope each operation needs is [R], bearer usage [B].
  r({ id: 'CLR10-AUTH-REQUIRED', section: 'security', level: 'MUST', provenance: S,
    summary: 'Every CLR endpoint except discovery refuses a request without a valid access token with 401.' }),
  r({ id: 'CLR10-SCOPE-READONLY', section: 'getclrs', level: 'MUST', provenance: R,
    summary: 'getClrs and getClr require the readonly scope; a token without it is refused with 401 or 403.' }),
  r({ id: 'CLR10-SCOPE-REPLACE', section: 'postclr', level: 'MUST', provenance: R,
    summary: 'postClr requires the replace scope; a token without it is refused with 401 or 403 and nothing is stored.' }),
  r({ id: 'CLR10-SCOPE-DELETE', section: 'deleteclr', level: 'MUST', provenance: R,
    summary: 'deleteClr requires the delete scope; a token without it is refused with 401 or 403 and nothing is deleted.' }),
  r({ id: 'CLR10-SCOPE-403', section: 'getclrs', level: 'SHOULD', provenance: A,
    summary: 'Insufficient scope is answered 403 (forbidden), the status the CLR error schemas list for it, rather than 401.' }),

  // getClrs (codes and ClrSet [A]; path, paging and since [R]).
  r({ id: 'CLR10-GET-CLRS', section: 'getclrs', level: 'MUST', provenance: R,
    summary: 'GET {base}/ims/clr/v1p0/clrs with the readonly scope answers 200 with the user\'s CLRs.' }),
  r({ id: 'CLR10-CLRSET', section: 'clrset', level: 'MUST', provenance: A,
    summary: 'The getClrs body is a ClrSet: @context, optional type ClrSet, clrs[] and signedClrs[] (compact JWS).' }),
  r({ id: 'CLR10-PAGING-LINK', section: 'getclrs', level: 'MUST', provenance: R,
    summary: 'An incomplete page carries a Link header with first and last, next when records remain and prev when offset > 0.' }),
  r({ id: 'CLR10-PAGING-OFFSET', section: 'getclrs', level: 'MUST', provenance: R,
    summary: 'offset is the zero-based index of the first record, so walking the pages lists every CLR once.' }),
  r({ id: 'CLR10-PAGING-LIMIT', section: 'getclrs', level: 'SHOULD', provenance: R,
    summary: 'A page holds no more CLRs than limit asks for.' }),
  r({ id: 'CLR10-PAGING-TOTAL-COUNT', section: 'getclrs', level: 'SHOULD', provenance: R,
    summary: 'X-Total-Count gives the number of CLRs when the provider knows it.' }),
  r({ id: 'CLR10-PAGING-TOTAL-COUNT-ACCURATE', section: 'getclrs', level: 'MUST', provenance: R,
    summary: 'An X-Total-Count that is sent equals the number of CLRs the pages list.' }),
  r({ id: 'CLR10-SINCE', section: 'getclrs', level: 'SHOULD', provenance: R,
    summary: 'With since, only CLRs created or replaced after that time are listed.' }),
  r({ id: 'CLR10-QUERY-PARAMS', section: 'getclrs', level: 'MUST', provenance: R,
    summary: 'A malformed limit, offset or since is refused with 400 (codeMinor invalid_query_parameter).' }),

  // Records (Final binding [A], context [A]; verification: fields [A], algorithm [S]).
  r({ id: 'CLR10-CLR-SCHEMA', section: 'clr', level: 'MUST', provenance: A,
    summary: 'Every Clr (listed, signed payload, fetched or echoed) matches the Clr class of the binding (Final; Candidate Final shapes accepted and reported).' }),
  r({ id: 'CLR10-JSON-LD', section: 'json-ld', level: 'MUST', provenance: A,
    summary: 'Every Clr expands as JSON-LD with the CLR 1.0 context, every property mapping to an IRI.' }),
  r({ id: 'CLR10-SIGNED-VERIFY', section: 'verification', level: 'MUST', provenance: S,
    summary: 'Every signed CLR is an RS256 compact JWS whose key (verification.creator) is owned and listed by the publisher, unrevoked and in its validity period.' }),
  r({ id: 'CLR10-HOSTED-VERIFY', section: 'verification', level: 'MUST', provenance: S,
    summary: 'Every hosted CLR equals the copy served at its id, which lies inside the publisher\'s verification policy and is not revoked.' }),
  r({ id: 'CLR10-EMBEDDED-VERIFY', section: 'verification', level: 'MUST', provenance: S,
    summary: 'The assertions and endorsements inside a CLR verify too: recipient matches the learner, signatures and revocation lists hold.' }),
  r({ id: 'OB20-HostedBadge', source: 'OB20', section: 'HostedBadge', level: 'MUST', provenance: S,
    summary: 'A hosted OB 2.0 object (an assertion, also one embedded in a CLR) equals the copy served at its id, on a host its issuer allows, and is not revoked.' }),
  r({ id: 'CLR10-UNIQUE-ID', section: 'getclrs', level: 'SHOULD', provenance: R,
    summary: 'Each CLR id is listed once.' }),

  // getClr, postClr, deleteClr (codes [A]; paths and meanings [R]).
  r({ id: 'CLR10-GET-CLR', section: 'getclr', level: 'MUST', provenance: R,
    summary: 'GET of a listed CLR\'s id (its getClr URL) answers 200 with the bare Clr, equal to the listed one.' }),
  r({ id: 'CLR10-CLR-ID', section: 'clr', level: 'MUST', provenance: A,
    summary: 'A Clr id that is a URL follows the getClr endpoint format: {base}/ims/clr/v1p0/clrs/{id}.' }),
  r({ id: 'CLR10-NOT-FOUND', section: 'getclr', level: 'MUST', provenance: A,
    summary: 'An unknown CLR id answers 404 with imsx_StatusInfo.' }),
  r({ id: 'CLR10-POST-CLR', section: 'postclr', level: 'MUST', provenance: R,
    summary: 'POST /clrs with a new ClrPayload answers 201 with the ClrPayload as stored, and the CLR is then served by getClr unchanged.' }),
  r({ id: 'CLR10-POST-CLR-REPLACE', section: 'postclr', level: 'MUST', provenance: R,
    summary: 'POST of a known CLR id with changes replaces it and answers 200.' }),
  r({ id: 'CLR10-POST-SIGNED-CLR', section: 'postclr', level: 'MUST', provenance: R,
    summary: 'postClr accepts a ClrPayload carrying signedClr (a compact JWS): a signed CLR the provider lists, posted back unchanged, answers 200 or 304 and stays listed as signed, its payload served by getClr.' }),
  r({ id: 'CLR10-POST-CLR-UNCHANGED', section: 'postclr', level: 'SHOULD', provenance: R,
    summary: 'POST of a CLR identical to the stored one answers 304 Not Modified.' }),
  r({ id: 'CLR10-POST-CLR-INVALID', section: 'postclr', level: 'MUST', provenance: A,
    summary: 'A postClr body that is not a valid ClrPayload is refused with 400 (invalid_data) and nothing is stored.' }),
  r({ id: 'CLR10-DELETE-CLR', section: 'deleteclr', level: 'MUST', provenance: R,
    summary: 'DELETE of a CLR answers 204; afterwards getClr answers 410 or 404 and getClrs no longer lists it.' }),
  r({ id: 'CLR10-GONE-410', section: 'getclr', level: 'SHOULD', provenance: A,
    summary: 'getClr of a deleted CLR answers 410 Gone (in the getClr code list) rather than 404.' }),

  // Errors (shape [A]; codeMinor per status [R]).
  r({ id: 'CLR10-STATUS-INFO', section: 'imsx_statusinfo', level: 'MUST', provenance: A,
    summary: 'Every CLR error body is imsx_StatusInfo with imsx_codeMajor failure and imsx_severity error.' }),
  r({ id: 'CLR10-CODE-MINOR-PRESENT', section: 'imsx_statusinfo', level: 'SHOULD', provenance: R,
    summary: 'An error body names an imsx_codeMinor (optional in the official status schema, so its absence is a warning, never a failure).' }),
  r({ id: 'CLR10-CODE-MINOR', section: 'imsx_statusinfo', level: 'SHOULD', provenance: R,
    summary: 'When given, imsx_codeMinor names a value that fits the HTTP status (400 invalid_data/invalid_query_parameter, 401 unauthorizedrequest, 403 forbidden, 404/405/410 invalid_data, 5xx internal_server_error).' }),
  r({ id: 'CLR10-CODE-MINOR-EXACT', section: 'imsx_statusinfo', level: 'SHOULD', provenance: R,
    summary: 'imsx_codeMinor is the usual 1EdTech value for the situation, not just one that fits the status.' }),
];

import { FaultSet } from '../../shared/faults.js';

/**
 * Named deliberate misbehaviours of the provider, so each conformance check can be shown to fail.
 * Each is one small condition at the single place it weakens (file in brackets):
 *
 * - manifest-missing-token-url      manifest omits `tokenUrl` [routes/get-manifest.ts]
 * - manifest-wrong-version          manifest says `version: "v1p0"` [routes/get-manifest.ts]
 * - manifest-bad-api-base           `apiBase` does not end with /ims/ob/v2p1 [routes/get-manifest.ts]
 * - envelope-missing-status         response bodies have no `status` object [envelope.ts]
 * - wrong-status-text               errors carry a valid but wrong statusText (`BAD_REQUEST`; `NOT_FOUND` for a bad request) [envelope.ts]
 * - no-auth-required                a request without a token acts as the first demo user [middleware/require-bearer.ts]
 * - scope-not-enforced              any active token may call any endpoint [middleware/require-scope.ts]
 * - query-token-accepted            `?access_token=` is accepted [middleware/require-bearer.ts]
 * - paging-no-link-header           GET /assertions sends no `Link` [routes/get-assertions.ts]
 * - paging-duplicates               each page after the first starts one record early [routes/get-assertions.ts]
 * - paging-wrong-total-count        `X-Total-Count` is one more than the truth [routes/get-assertions.ts]
 * - limit-ignored                   the default page size is used whatever `limit` says [routes/get-assertions.ts]
 * - since-ignored                   `since` does not filter [routes/get-assertions.ts]
 * - invalid-assertion-in-list       the first unsigned assertion of a page loses `recipient` [routes/get-assertions.ts]
 * - invalid-jsonld-in-list          the first unsigned assertion of a page gets an undefined JSON-LD type [routes/get-assertions.ts]
 * - bad-signed-assertion            signatures of listed signed assertions are corrupted [routes/get-assertions.ts]
 * - post-assertion-not-stored       POST /assertions answers 200 but stores nothing [routes/post-assertion.ts]
 * - post-assertion-accepts-invalid  POST /assertions skips badge validation (schema, JSON-LD, signature) [badges/check-posted-assertion.ts]
 * - post-assertion-duplicates       POST of a known assertion id adds a second copy [store/assertions.ts]
 * - profile-missing                 GET /profile answers without `profile` [routes/get-profile.ts]
 * - no-405                          a known path with another method answers 404 [middleware/method-not-allowed.ts]
 * - no-404-envelope                 unknown paths answer Express's plain HTML 404 [app.ts]
 * - revoked-token-accepted          a token once seen active stays accepted after revocation [token-verifier.ts]
 */
export const PROVIDER_FAULTS = [
  'manifest-missing-token-url',
  'manifest-wrong-version',
  'manifest-bad-api-base',
  'envelope-missing-status',
  'wrong-status-text',
  'no-auth-required',
  'scope-not-enforced',
  'query-token-accepted',
  'paging-no-link-header',
  'paging-duplicates',
  'paging-wrong-total-count',
  'limit-ignored',
  'since-ignored',
  'invalid-assertion-in-list',
  'invalid-jsonld-in-list',
  'bad-signed-assertion',
  'post-assertion-not-stored',
  'post-assertion-accepts-invalid',
  'post-assertion-duplicates',
  'profile-missing',
  'no-405',
  'no-404-envelope',
  'revoked-token-accepted',
] as const;

/**
 * The CLR 1.0 faults (docs/CONTRACTS.md "CLR provider faults"), same style:
 *
 * - clr-discovery-missing-token-url  discovery omits `tokenUrl` [routes/get-discovery-document.ts]
 * - clr-error-not-status-info        CLR errors use the Badge Connect `{status}` envelope [clr/status-info.ts]
 * - clr-wrong-code-minor             CLR errors carry a valid but wrong codeMinor [clr/status-info.ts]
 * - clr-code-minor-omitted          CLR errors leave out the optional imsx_codeMinor [clr/status-info.ts]
 * - clr-no-auth-required             a CLR request without a token acts as the first demo user [middleware/require-bearer.ts]
 * - clr-scope-not-enforced           any active token may call any CLR endpoint [middleware/require-scope.ts]
 * - clr-paging-no-link-header        GET /clrs sends no `Link` [routes/get-clrs.ts]
 * - clr-paging-duplicates            each GET /clrs page after the first starts one record early [routes/get-clrs.ts]
 * - clr-since-ignored                GET /clrs ignores `since` [routes/get-clrs.ts]
 * - clr-invalid-in-list              the first unsigned Clr of a page loses `learner` [routes/get-clrs.ts]
 * - clr-bad-signature                signatures of listed signed CLRs are corrupted [routes/get-clrs.ts]
 * - clr-key-wrong-owner              the CLR key document names another owner than the publisher [clr/own-documents.ts]
 * - clr-get-deleted-returns-200      GET of a deleted CLR answers 200 with the last copy [routes/get-clr.ts]
 * - clr-delete-ignored               DELETE answers 204 but keeps the CLR [routes/delete-clr.ts]
 * - clr-post-not-stored              POST /clrs answers 201 but stores nothing [routes/post-clr.ts]
 * - clr-post-accepts-invalid         POST /clrs skips schema, JSON-LD, learner and signature checks [clr/check-posted-clr.ts]
 * - clr-post-replace-returns-201     POST /clrs that replaces a CLR answers 201, not 200 [routes/post-clr.ts]
 * - clr-hosted-mismatch              GET /clrs/{id} serves a copy that differs from the listed one [routes/get-clr.ts]
 * - clr-discovery-not-json           discovery is sent as `text/html` [routes/get-discovery-document.ts]
 * - clr-discovery-missing-scope      discovery's `scopesOffered` leaves out the delete scope [routes/get-discovery-document.ts]
 * - clr-list-not-json                GET /clrs is sent as `text/plain` [routes/get-clrs.ts]
 * - clr-query-params-unchecked       GET /clrs answers a malformed limit, offset or since with the default page [routes/get-clrs.ts]
 * - clr-paging-wrong-total-count     GET /clrs `X-Total-Count` is one more than the truth [routes/get-clrs.ts]
 * - clr-invalid-jsonld               hosted seed CLRs are served (listed and at their id) with an undefined JSON-LD type [clr/served-clr.ts]
 * - clr-id-not-getclr-url            hosted seed CLRs are served with ids `{getClr URL}?version=1`, which resolve but are not getClr URLs [clr/served-clr.ts]
 * - clr-embedded-assertion-tampered  hosted seed CLRs are served with their embedded signed assertion's signature corrupted [clr/served-clr.ts]
 * - clr-embedded-hosted-mismatch     the hosted copy of each seed CLR's co-curricular assertion differs from the embedded one [routes/clr-public-documents.ts]
 * - clr-not-found-returns-200        GET of an unknown getClr URL of ours answers 200 `{}` [routes/get-clr.ts]
 * - clr-post-signed-refused          POST /clrs refuses every `signedClr` with 400 [clr/check-posted-clr.ts]
 */
export const CLR_FAULTS = [
  'clr-discovery-missing-token-url',
  'clr-error-not-status-info',
  'clr-wrong-code-minor',
  'clr-code-minor-omitted',
  'clr-no-auth-required',
  'clr-scope-not-enforced',
  'clr-paging-no-link-header',
  'clr-paging-duplicates',
  'clr-since-ignored',
  'clr-invalid-in-list',
  'clr-bad-signature',
  'clr-key-wrong-owner',
  'clr-get-deleted-returns-200',
  'clr-delete-ignored',
  'clr-post-not-stored',
  'clr-post-accepts-invalid',
  'clr-post-replace-returns-201',
  'clr-hosted-mismatch',
  'clr-discovery-not-json',
  'clr-discovery-missing-scope',
  'clr-list-not-json',
  'clr-query-params-unchecked',
  'clr-paging-wrong-total-count',
  'clr-invalid-jsonld',
  'clr-id-not-getclr-url',
  'clr-embedded-assertion-tampered',
  'clr-embedded-hosted-mismatch',
  'clr-not-found-returns-200',
  'clr-post-signed-refused',
] as const;

export type ProviderFault = (typeof PROVIDER_FAULTS)[number];
export type ClrFault = (typeof CLR_FAULTS)[number];
/** Any fault name this app knows. */
export type KnownFault = ProviderFault | ClrFault;

/** FaultSet restricted to the names above (Badge Connect and CLR); `has` takes only a known name so typos fail to compile. */
export class ProviderFaults {
  private readonly set: FaultSet;
  constructor(names: Iterable<string> = []) {
    this.set = new FaultSet(names, [...PROVIDER_FAULTS, ...CLR_FAULTS]);
  }
  has(name: KnownFault): boolean {
    return this.set.has(name);
  }
  list(): string[] {
    return this.set.list();
  }
}

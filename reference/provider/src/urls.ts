import { CONTEXT_URLS } from '../../../schemas/src/jsonld.js';
import { API_BASE_PATH, CLR_BASE_PATH } from './defaults.js';

export const OB2_CONTEXT = CONTEXT_URLS.ob20;
export const CLR_CONTEXT = CONTEXT_URLS.clr10;

/** Every public URL the provider mints, built from its public origin (never from request headers). */
export class ProviderUrls {
  constructor(readonly origin: string) {}
  get manifest() {
    return `${this.origin}/.well-known/badgeconnect.json`;
  }
  get apiBase() {
    return `${this.origin}${API_BASE_PATH}`;
  }
  get assertionsEndpoint() {
    return `${this.apiBase}/assertions`;
  }
  get logo() {
    return `${this.origin}/public/logo.svg`;
  }
  get terms() {
    return `${this.origin}/terms`;
  }
  get privacy() {
    return `${this.origin}/privacy`;
  }
  get issuer() {
    return `${this.origin}/public/issuer`;
  }
  get revocationList() {
    return `${this.origin}/public/revocations`;
  }
  /** Prefix of every assertion this provider hosts (HostedBadge ids). */
  get hostedAssertionPrefix() {
    return `${this.origin}/public/assertions/`;
  }
  badgeClass(slug: string) {
    return `${this.origin}/public/badges/${slug}`;
  }
  badgeImage(slug: string) {
    return `${this.origin}/public/images/${slug}.svg`;
  }
  hostedAssertion(slug: string) {
    return `${this.hostedAssertionPrefix}${slug}`;
  }
  key(kid: string) {
    return `${this.origin}/public/keys/${kid}`;
  }
  get clrBase() {
    return `${this.origin}${CLR_BASE_PATH}`;
  }
  get clrDiscovery() {
    return `${this.clrBase}/discovery`;
  }
  get clrsEndpoint() {
    return `${this.clrBase}/clrs`;
  }
  /** Prefix of every getClr URL; a Clr's `id` is its getClr URL. */
  get clrPrefix() {
    return `${this.clrsEndpoint}/`;
  }
  clr(slug: string) {
    return `${this.clrPrefix}${encodeURIComponent(slug)}`;
  }
  get clrPublisher() {
    return `${this.origin}/public/clr/publisher`;
  }
  get clrEndorser() {
    return `${this.origin}/public/clr/endorser`;
  }
  get clrRevocationList() {
    return `${this.origin}/public/clr/revocations`;
  }
  clrKey(kid: string) {
    return `${this.origin}/public/clr/keys/${kid}`;
  }
  clrEndorsement(slug: string) {
    return `${this.origin}/public/clr/endorsements/${slug}`;
  }
  /** A hosted assertion embedded in a seed CLR (served from that CLR, like the endorsements). */
  clrAssertion(slug: string) {
    return `${this.origin}/public/clr/assertions/${slug}`;
  }
}

/** Finds out what a URL the person typed is: a Badge Connect manifest or a CLR 1.0 discovery document. */
import { checkedUrl, describeUrl, httpRequest, isObject, parseJson, ProviderError, type HttpOptions } from './http.js';
import { API_SCOPES, OFFLINE_ACCESS } from './scopes.js';

export type ProviderKind = 'badge-connect' | 'clr';

/** Everything the wallet needs from a manifest or discovery document. */
export interface ProviderDescription {
  kind: ProviderKind;
  /** The manifest or discovery URL the description was read from. */
  discoveryUrl: string;
  name: string;
  image: string | null;
  /** Badge Connect apiBase, or `{origin}/ims/clr/v1p0` for CLR. */
  apiBase: string;
  authorizationUrl: string;
  tokenUrl: string;
  registrationUrl: string;
  revocationUrl: string | null;
  scopesOffered: string[];
  termsOfServiceUrl: string | null;
  privacyPolicyUrl: string | null;
  /** The other API at the same origin, when the person gave an origin that serves both. */
  alsoOffers?: string;
}

const MANIFEST_PATH = '/.well-known/badgeconnect.json';
const CLR_BASE_PATH = '/ims/clr/v1p0';
const CLR_DISCOVERY_PATH = `${CLR_BASE_PATH}/discovery`;

export async function discover(input: string, http: HttpOptions = {}): Promise<ProviderDescription> {
  const url = checkedUrl(input.trim(), 'The provider address');
  const path = url.pathname.replace(/\/+$/, '');
  if (path.endsWith(MANIFEST_PATH)) return readManifest(url.href, (await fetchDocument(url.href, http, true))!);
  if (path.endsWith(CLR_DISCOVERY_PATH)) return readDiscovery(url.href, (await fetchDocument(url.href, http, true))!);
  // An origin (or base URL): try Badge Connect first, then CLR.
  const base = `${url.origin}${path.endsWith(CLR_BASE_PATH) ? path.slice(0, -CLR_BASE_PATH.length) : path}`;
  const manifestUrl = `${base}${MANIFEST_PATH}`;
  const discoveryUrl = `${base}${CLR_DISCOVERY_PATH}`;
  const [manifest, discovery] = await Promise.all([fetchDocument(manifestUrl, http, false), fetchDocument(discoveryUrl, http, false)]);
  if (manifest) {
    const description = readManifest(manifestUrl, manifest);
    return discovery ? { ...description, alsoOffers: discoveryUrl } : description;
  }
  if (discovery) return readDiscovery(discoveryUrl, discovery);
  throw new ProviderError(
    `No Badge Connect manifest (${describeUrl(manifestUrl)}) or CLR discovery document (${describeUrl(discoveryUrl)}) was found there`,
    'refused',
  );
}

/** The JSON document at `url`; null for any 4xx when probing an origin (the API is not there). */
async function fetchDocument(url: string, http: HttpOptions, required: boolean): Promise<Record<string, unknown> | null> {
  const res = await httpRequest(url, { headers: { Accept: 'application/json' } }, http);
  if (res.status >= 400 && res.status < 500 && !required) return null;
  if (res.status !== 200) throw new ProviderError(`${describeUrl(url)} answered HTTP ${res.status}`, 'refused', res.status);
  const body = parseJson(res, 'The provider document');
  if (!isObject(body)) throw new ProviderError(`${describeUrl(url)} is not a JSON object`);
  return body;
}

function readManifest(manifestUrl: string, doc: Record<string, unknown>): ProviderDescription {
  const apis = Array.isArray(doc.badgeConnectAPI) ? doc.badgeConnectAPI.filter(isObject) : [];
  if (apis.length === 0) throw new ProviderError('The Badge Connect manifest has no badgeConnectAPI entry');
  const api = apis.find((a) => a.version === 'v2p1') ?? apis[0]!;
  const apiBase = checkedUrl(api.apiBase, 'The manifest apiBase').href.replace(/\/+$/, '');
  return {
    kind: 'badge-connect',
    discoveryUrl: manifestUrl,
    ...common(api, 'manifest'),
    apiBase,
    revocationUrl: api.tokenRevocationUrl == null ? null : checkedUrl(api.tokenRevocationUrl, 'The manifest tokenRevocationUrl').href,
  };
}

function readDiscovery(discoveryUrl: string, doc: Record<string, unknown>): ProviderDescription {
  const url = new URL(discoveryUrl);
  return {
    kind: 'clr',
    discoveryUrl,
    ...common(doc, 'discovery document'),
    apiBase: `${url.origin}${url.pathname.replace(/\/discovery\/?$/, '')}`,
    // CLR 1.0 discovery has no revocation field; a provider may still add the Badge Connect one.
    revocationUrl: typeof doc.tokenRevocationUrl === 'string' ? checkedUrl(doc.tokenRevocationUrl, 'tokenRevocationUrl').href : null,
  };
}

function common(doc: Record<string, unknown>, what: string) {
  if (typeof doc.name !== 'string' || doc.name.trim() === '') throw new ProviderError(`The ${what} has no name`);
  const scopes = Array.isArray(doc.scopesOffered) ? doc.scopesOffered.filter((s): s is string => typeof s === 'string') : [];
  if (scopes.length === 0) throw new ProviderError(`The ${what} offers no scopes (scopesOffered)`);
  const optionalUrl = (v: unknown, name: string) => (typeof v === 'string' && v !== '' ? checkedUrl(v, `The ${what} ${name}`).href : null);
  return {
    name: doc.name.trim().slice(0, 200),
    image: typeof doc.image === 'string' && /^https?:/i.test(doc.image) ? doc.image : null,
    authorizationUrl: checkedUrl(doc.authorizationUrl, `The ${what} authorizationUrl`).href,
    tokenUrl: checkedUrl(doc.tokenUrl, `The ${what} tokenUrl`).href,
    registrationUrl: checkedUrl(doc.registrationUrl, `The ${what} registrationUrl`).href,
    scopesOffered: scopes,
    termsOfServiceUrl: optionalUrl(doc.termsOfServiceUrl, 'termsOfServiceUrl'),
    privacyPolicyUrl: optionalUrl(doc.privacyPolicyUrl, 'privacyPolicyUrl'),
  };
}

/**
 * The scopes the wallet asks for: the API scopes it uses that are offered, plus offline_access (the
 * permission to get a refresh token, which OB 2.1 defines even where a manifest does not list it).
 */
export function scopesToRequest(desc: ProviderDescription, extra: string[] = []): string[] {
  const chosen = [...API_SCOPES[desc.kind].filter((s) => desc.scopesOffered.includes(s)), OFFLINE_ACCESS];
  if (!chosen.includes(API_SCOPES[desc.kind][0]!)) {
    throw new ProviderError(`The provider does not offer the read scope this wallet needs (${API_SCOPES[desc.kind][0]})`, 'refused');
  }
  return [...chosen, ...extra];
}

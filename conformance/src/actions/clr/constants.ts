/** CLR 1.0 REST binding constants (clr.md §2): base path [B], scope URIs [B]. */
export const CLR_BASE_PATH = '/ims/clr/v1p0';
export const CLR_DISCOVERY_PATH = `${CLR_BASE_PATH}/discovery`;
export const CLR_VERSION = 'v1p0';

export const CLR_SCOPES = {
  readonly: 'https://purl.imsglobal.org/spec/clr/v1p0/scope/readonly',
  replace: 'https://purl.imsglobal.org/spec/clr/v1p0/scope/replace',
  delete: 'https://purl.imsglobal.org/spec/clr/v1p0/scope/delete',
} as const;

export const ALL_CLR_SCOPES: string[] = Object.values(CLR_SCOPES);

/** PlanState keys the CLR scenarios leave for each other (next to actions/types.ts STATE). */
export const CLR_STATE = {
  /** ListedClr[]: every record getClrs listed, from clr-provider-get-clrs. */
  listed: 'clr.listed',
  /** string: the learner's email, read from a listed CLR. */
  learnerEmail: 'clr.learnerEmail',
} as const;

/**
 * The discovery URL for a run target: a URL ending in /ims/clr/v1p0/discovery is the discovery URL;
 * anything else stands for its origin (the CLR API lives at the origin's /ims/clr/v1p0).
 */
export function clrDiscoveryUrl(target: string): string {
  const url = new URL(target);
  const path = url.pathname.replace(/\/+$/, '');
  if (path.endsWith(CLR_DISCOVERY_PATH)) {
    url.hash = '';
    return url.toString();
  }
  return `${url.origin}${CLR_DISCOVERY_PATH}`;
}

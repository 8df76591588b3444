import type { ProviderUrls } from '../urls.js';

/**
 * The Clr id a `/clrs/{id}` path names. Our own CLRs are addressed by their slug (their id is the getClr
 * URL); a CLR posted with a foreign id (an IRI, so it contains ':') is addressed by that id,
 * percent-encoded into one path segment.
 */
export function clrIdFromParam(urls: ProviderUrls, param: string): string {
  return param.includes(':') ? param : urls.clr(param);
}

/** RFC 8288 Link header parsing and the page walk used for assertions and CLRs. */
import { MAX_PAGES } from '../defaults.js';
import type { ConsumerFaults } from '../faults.js';
import type { ApiSession } from './api-session.js';
import { ProviderError, type HttpResponse } from './http.js';

/** rel → target URL (first one wins), resolved against the request URL. */
export function parseLinkHeader(header: string | null, base: string): Record<string, string> {
  const links: Record<string, string> = {};
  if (!header) return links;
  const re = /<([^>]*)>\s*((?:;\s*[^;,]+)*)/g;
  for (const m of header.matchAll(re)) {
    const rel = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(m[2] ?? '')?.[1];
    if (!rel) continue;
    for (const name of rel.trim().toLowerCase().split(/\s+/)) {
      if (links[name] !== undefined) continue;
      try {
        links[name] = new URL(m[1] ?? '', base).href;
      } catch {
        // an unparsable target is skipped, like a browser would
      }
    }
  }
  return links;
}

/**
 * GETs `firstUrl` and every `next` page. The next link must stay under the API's origin (the bearer
 * token is never sent elsewhere) and must not repeat a page already read.
 */
export async function readAllPages(
  session: ApiSession,
  firstUrl: string,
  faults: ConsumerFaults,
  onPage: (res: HttpResponse) => void,
  accept?: string,
): Promise<number> {
  const origin = new URL(firstUrl).origin;
  const seen = new Set<string>();
  let url: string | undefined = firstUrl;
  let pages = 0;
  while (url) {
    if (pages >= MAX_PAGES) throw new ProviderError(`The list did not end after ${MAX_PAGES} pages`);
    seen.add(url);
    const res = await session.call('GET', url, undefined, accept);
    onPage(res);
    pages++;
    if (faults.has('first-page-only')) break;
    const next: string | undefined = parseLinkHeader(res.headers.get('link'), url).next;
    if (next === undefined) break;
    if (new URL(next).origin !== origin) throw new ProviderError('The next page link points to another site; stopped there');
    if (seen.has(next)) throw new ProviderError('The next page link repeats a page already read; stopped there');
    url = next;
  }
  return pages;
}

import type { EmulatorCall, Route } from '../../emulators/types.js';
import { fail, pass, type Check } from '../../engine/verdict.js';
import { parseLinkHeader } from '../obc/link-header.js';
import { byRoute } from './calls.js';

const offsetOf = (url: URL | URLSearchParams): number => Number((url instanceof URL ? url.searchParams : url).get('offset') ?? 0);

function nextOffset(c: EmulatorCall): number | undefined {
  const header = c.responseHeaders.link;
  if (!header) return undefined;
  const parsed = parseLinkHeader(header);
  if (!parsed.ok) return undefined;
  const next = parsed.links.find((l) => l.rels.includes('next'));
  return next ? offsetOf(new URL(next.target, `http://emulator${c.path}`)) : undefined;
}

/**
 * A candidate walking a paged list follows every Link `next`, reading no page twice and skipping none
 * (OB 2.1 §Pagination; the certification guide: a consumer that pages must handle the headers). Every
 * page after the first is one an earlier page's `next` offered: an offset the candidate computed itself
 * (a page number, or a limit the provider did not honour) is not following the headers.
 */
export function ensurePagesFollowed(route: Route, what: string): Check<EmulatorCall[]> {
  return {
    id: 'ensure-pages-followed',
    title: `every ${what} page is read once, following Link next`,
    run(calls) {
      const pages = byRoute(calls, route).filter((c) => c.method === 'GET' && c.status === 200);
      if (pages.length === 0) return fail(`the candidate read no page of ${what}`);
      const read = pages.map((c) => offsetOf(c.query));
      const repeated = read.find((o, i) => read.indexOf(o) !== i);
      if (repeated !== undefined) return fail(`the page at offset ${repeated} was read more than once`, { offsets: read });
      const offered = pages.map(nextOffset).filter((o): o is number => o !== undefined);
      for (const [i, page] of pages.entries()) {
        const at = read[i]!;
        if (at === 0) continue;
        const earlier = pages.slice(0, i).map(nextOffset).filter((o): o is number => o !== undefined);
        if (!earlier.includes(at)) {
          return fail(`the page at offset ${at} (#${page.seq}) was not offered by any earlier Link next (offered: ${earlier.join(', ') || 'none'}): the offset was computed, not followed`, { offsets: read, offered: earlier });
        }
      }
      if (offered.length === 0) return pass(`${what} fit one page; no next link to follow`, { offsets: read });
      const skipped = offered.filter((o) => !read.includes(o));
      if (skipped.length > 0) return fail(`Link next to offset ${skipped[0]} was not followed (read offsets ${read.join(', ')})`, { offsets: read, skipped });
      return pass(`${pages.length} pages read in order, every next link followed`, { offsets: read });
    },
  };
}

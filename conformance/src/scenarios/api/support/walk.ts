import { findRel, parseLinkHeader } from '../../../checks/obc/link-header.js';
import type { TokenSet } from '../../../actions/types.js';
import type { ScenarioContext } from '../../../engine/context.js';
import type { HttpExchange } from '../../../engine/http.js';
import { bearer } from './session.js';
import { listedAssertions, type ListedAssertion } from './records.js';

/** Upper bound on pages followed, so a provider whose `next` never ends cannot stall the run. */
export const MAX_PAGES = 200;

export interface Page {
  exchange: HttpExchange;
  /** offset the page was requested with (0 when the URL has none). */
  offset: number;
  records: ListedAssertion[];
}

export interface Walk {
  pages: Page[];
  records: ListedAssertion[];
  /** True when the last page had no `next` and every page answered 200 with JSON. */
  ended: boolean;
  reason: string;
}

function offsetOf(url: string): number {
  const raw = new URL(url).searchParams.get('offset');
  return raw && /^\d+$/.test(raw) ? Number(raw) : 0;
}

/** Follows `next` links from `startUrl` until there is none (or a page fails, loops, or the cap is hit). */
export async function walkPages(ctx: ScenarioContext, token: TokenSet, startUrl: string, label: string): Promise<Walk> {
  const pages: Page[] = [];
  const visited = new Set<string>();
  let url: string | undefined = startUrl;
  while (url) {
    if (pages.length >= MAX_PAGES) return done(pages, false, `stopped after ${MAX_PAGES} pages`);
    if (visited.has(url)) return done(pages, false, `"next" points back to ${url}`);
    visited.add(url);
    const exchange = await ctx.http.send({ url, headers: bearer(token), label: `${label} page ${pages.length + 1}` });
    const body = exchange.json();
    pages.push({ exchange, offset: offsetOf(url), records: listedAssertions(body, `page ${pages.length + 1}`) });
    if (exchange.status !== 200 || body === undefined) return done(pages, false, `page ${pages.length} answered ${exchange.status}`);
    const link = exchange.headers.link;
    const parsed = link === undefined ? undefined : parseLinkHeader(link);
    const next = parsed?.ok ? findRel(parsed.links, 'next') : undefined;
    url = next ? resolve(next.target, url) : undefined;
    if (next && !url) return done(pages, false, `"next" target ${next.target} is not a URL`);
  }
  return done(pages, true, 'last page has no "next"');
}

function resolve(target: string, base: string): string | undefined {
  try {
    return new URL(target, base).toString();
  } catch {
    return undefined;
  }
}

function done(pages: Page[], ended: boolean, reason: string): Walk {
  return { pages, records: pages.flatMap((p) => p.records), ended, reason };
}

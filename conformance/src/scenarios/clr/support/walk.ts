import { listedClrs, type ListedClr } from '../../../actions/clr/records.js';
import type { TokenSet } from '../../../actions/types.js';
import type { ScenarioContext } from '../../../engine/context.js';
import type { HttpExchange } from '../../../engine/http.js';
import { walkPages } from '../../api/support/walk.js';

export interface ClrPage {
  exchange: HttpExchange;
  offset: number;
  records: ListedClr[];
}

export interface ClrWalk {
  pages: ClrPage[];
  records: ListedClr[];
  ended: boolean;
  reason: string;
}

/** Follows rel="next" from `startUrl` with the shared walker, reading each page as a ClrSet. */
export async function walkClrs(ctx: ScenarioContext, token: TokenSet, startUrl: string, label: string): Promise<ClrWalk> {
  const walk = await walkPages(ctx, token, startUrl, label);
  const pages = walk.pages.map((p, i) => ({ exchange: p.exchange, offset: p.offset, records: listedClrs(p.exchange.json(), `page ${i + 1}`) }));
  return { pages, records: pages.flatMap((p) => p.records), ended: walk.ended, reason: walk.reason };
}

export const clrIds = (records: ListedClr[]): string[] => records.map((r) => r.id);

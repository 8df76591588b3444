import { CLR_SCOPES } from '../../actions/clr/constants.js';
import { listedClrs } from '../../actions/clr/records.js';
import { OBTAIN_TOKEN_REQUIREMENTS } from '../../actions/obtain-token.js';
import { ensureHeader } from '../../checks/http/ensure-header.js';
import { ensureStatus } from '../../checks/http/ensure-status.js';
import { ensureEnoughRecords } from '../../checks/obc/ensure-enough-records.js';
import { ensureLinkHeader } from '../../checks/obc/ensure-link-header.js';
import { ensureNoDuplicateAssertions } from '../../checks/obc/ensure-no-duplicate-assertions.js';
import { ensurePageSize } from '../../checks/obc/ensure-page-size.js';
import { ensureTotalCount } from '../../checks/obc/ensure-total-count.js';
import type { Scenario } from '../../engine/scenario.js';
import { bearer, withQuery } from '../api/support/session.js';
import { MAX_PAGES } from '../api/support/walk.js';
import { clrSession, clrToken } from './support/session.js';
import { clrIds, walkClrs, type ClrPage } from './support/walk.js';

const LINK = ['CLR10-PAGING-LINK'];
const parseTotal = (v: string | undefined) => (v !== undefined && /^\s*\d+\s*$/.test(v) ? Number(v) : undefined);

export const clrProviderGetClrsPaging: Scenario = {
  id: 'clr-provider-get-clrs-paging',
  title: 'getClrs pages with limit, offset, Link and X-Total-Count',
  summary:
    `Walks every page of GET {apiBase}/clrs with limit set to the configured page size, following rel="next" (at most ${MAX_PAGES} pages), then ` +
    'asks for the page after the last one to find CLRs the Link header hid. Checks every page: 200, no more CLRs than limit, the Link relations ' +
    '(first, last, next exactly when CLRs remain, prev exactly when offset > 0), X-Total-Count equal to the CLRs walked, and no CLR on two pages. ' +
    'The paging rules are reconstructed from Badge Connect (the CLR 1.0 OpenAPI file could not be read).',
  roles: ['clr-service-provider'],
  requirements: [...OBTAIN_TOKEN_REQUIREMENTS, 'CLR10-GET-CLRS', 'CLR10-PAGING-LINK', 'CLR10-PAGING-OFFSET', 'CLR10-PAGING-LIMIT', 'CLR10-PAGING-TOTAL-COUNT', 'CLR10-PAGING-TOTAL-COUNT-ACCURATE'],
  async run(ctx) {
    const s = clrSession(ctx);
    const token = await clrToken(ctx, s, CLR_SCOPES.readonly);
    const limit = ctx.config.pageSize;
    const unpaged = await ctx.http.send({ url: s.clrsUrl, headers: bearer(token), label: 'GET clrs (no paging parameters)' });
    const listed = await ctx.should(ensureStatus(200), unpaged, ['CLR10-GET-CLRS']);
    if (listed.outcome === 'fail') return ctx.skip('getClrs did not answer 200: the CLR 1.0 path and status are reconstructed (a warning above), so the rest cannot be judged');

    const walk = await walkClrs(ctx, token, withQuery(s.clrsUrl, { limit, offset: 0 }), `GET clrs limit=${limit}`);
    const ok: ClrPage[] = [];
    for (const [i, page] of walk.pages.entries()) {
      const v = await ctx.should(ensureStatus(200), page.exchange, LINK, { title: `page ${i + 1} (offset ${page.offset}) answers 200` });
      if (v.outcome !== 'pass') continue;
      ok.push(page);
      await ctx.should(ensurePageSize, { limit, count: page.records.length }, ['CLR10-PAGING-LIMIT'], { http: page.exchange });
    }
    const first = ok[0];
    if (!first) return;
    await ctx.should(ensureHeader('X-Total-Count'), first.exchange, ['CLR10-PAGING-TOTAL-COUNT']);

    const last = walk.pages[walk.pages.length - 1]!;
    let hidden = 0;
    if (walk.ended) {
      const probe = await ctx.http.send({
        url: withQuery(s.clrsUrl, { limit, offset: last.offset + last.records.length }),
        headers: bearer(token),
        label: 'GET clrs after the last page',
      });
      if (probe.status === 200) hidden = listedClrs(probe.json(), 'after the last page').length;
    }
    const distinct = new Set(clrIds(walk.records)).size;
    const http = walk.pages.map((p) => p.exchange);
    await ctx.should(ensureEnoughRecords, { count: distinct + hidden, min: limit + 1, purpose: `so that paging at limit=${limit} needs two pages` }, LINK, {
      http,
      title: 'The test account lists enough CLRs to need two pages',
    });
    const headerTotal = parseTotal(first.exchange.headers['x-total-count']);
    const complete = walk.ended && hidden === 0;
    const total = complete ? distinct : hidden > 0 ? Math.max(headerTotal ?? 0, last.offset + last.records.length + hidden) : headerTotal;
    for (const page of ok) {
      await ctx.should(ensureLinkHeader, { exchange: page.exchange, offset: page.offset, returned: page.records.length, total }, LINK, {
        title: `page at offset ${page.offset}: Link header has the pagination relations`,
      });
    }
    // Ids listed twice without paging are the provider's data (a warning in clr-provider-get-clrs), not a paging error.
    const unpagedIds = clrIds(listedClrs(unpaged.json(), 'unpaged'));
    const twice = new Set(unpagedIds.filter((id, i) => unpagedIds.indexOf(id) !== i));
    await ctx.should(ensureNoDuplicateAssertions, walk.records.filter((r) => !twice.has(r.id)), ['CLR10-PAGING-OFFSET'], {
      http,
      title: 'No CLR is listed on two pages',
    });
    await ctx.should(ensureTotalCount, { header: first.exchange.headers['x-total-count'], seen: distinct, walkComplete: complete }, ['CLR10-PAGING-TOTAL-COUNT-ACCURATE'], {
      http: first.exchange,
    });
    await ctx.should(ensureTotalCount, { header: unpaged.headers['x-total-count'], seen: distinct, walkComplete: complete }, ['CLR10-PAGING-TOTAL-COUNT-ACCURATE'], {
      http: unpaged,
      title: 'X-Total-Count without paging parameters equals the CLRs walked',
    });
  },
};

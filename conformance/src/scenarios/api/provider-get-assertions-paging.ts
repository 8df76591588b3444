import { ensureHeader } from '../../checks/http/ensure-header.js';
import { ensureStatus } from '../../checks/http/ensure-status.js';
import { ensureEnoughRecords } from '../../checks/obc/ensure-enough-records.js';
import { ensureLinkHeader } from '../../checks/obc/ensure-link-header.js';
import { ensureNoDuplicateAssertions } from '../../checks/obc/ensure-no-duplicate-assertions.js';
import { ensurePageSize } from '../../checks/obc/ensure-page-size.js';
import { ensureTotalCount } from '../../checks/obc/ensure-total-count.js';
import { ensureSchemaValid } from '../../checks/schema/ensure-schema-valid.js';
import { SchemaIds } from '../../../../schemas/src/registry.js';
import { SCOPES } from '../../actions/types.js';
import type { Scenario } from '../../engine/scenario.js';
import { idsOf, listedAssertions } from './support/records.js';
import { apiSession, bearer, tokenWith, withQuery } from './support/session.js';
import { MAX_PAGES, walkPages, type Page } from './support/walk.js';
import { OBTAIN_TOKEN_REQUIREMENTS } from '../../actions/obtain-token.js';

const LINK_REQS = ['OBC21-PAGINATION-LINK', 'OBC21-CERT-provider-read'];

function parseTotal(value: string | undefined): number | undefined {
  return value !== undefined && /^\s*\d+\s*$/.test(value) ? Number(value) : undefined;
}

export const providerGetAssertionsPaging: Scenario = {
  id: 'provider-get-assertions-paging',
  title: 'GET /assertions pages with limit, offset, Link and X-Total-Count',
  summary:
    `Walks every page of GET {apiBase}/assertions with limit set to the configured page size, following rel="next" links (at most ${MAX_PAGES} pages), ` +
    'then asks for the page after the last one to find records the Link header hid. Checks every page: 200, schema, no more records than limit, ' +
    'the Link relations (first, last, next exactly when records remain, prev exactly when offset > 0), X-Total-Count equal to the records walked, ' +
    'and that no record appears on two pages.',
  roles: ['obc-service-provider-read'],
  requirements: [...OBTAIN_TOKEN_REQUIREMENTS, ...LINK_REQS, 'OBC21-GET-ASSERTIONS', 'OBC21-LIMIT', 'OBC21-PAGINATION-OFFSET', 'OBC21-PAGINATION-TOTAL-COUNT', 'OBC21-PAGINATION-TOTAL-COUNT-ACCURATE'],
  async run(ctx) {
    const s = apiSession(ctx);
    const token = await tokenWith(ctx, s, SCOPES.assertionRead);
    const limit = ctx.config.pageSize;
    const unpaged = await ctx.http.send({ url: s.assertionsUrl, headers: bearer(token), label: 'GET assertions (no paging parameters)' });
    await ctx.must(ensureStatus(200), unpaged, ['OBC21-GET-ASSERTIONS']);

    const walk = await walkPages(ctx, token, withQuery(s.assertionsUrl, { limit, offset: 0 }), `GET assertions limit=${limit}`);
    const okPages: Page[] = [];
    for (const [i, page] of walk.pages.entries()) {
      const x = page.exchange;
      const ok = await ctx.mustContinue(ensureStatus(200), x, LINK_REQS, { title: `page ${i + 1} (offset ${page.offset}) answers 200` });
      if (ok.outcome !== 'pass') continue;
      okPages.push(page);
      await ctx.mustContinue(ensureSchemaValid(SchemaIds.obc.getAssertions200, `page ${i + 1} body`), x.json(), ['OBC21-GET-ASSERTIONS'], { http: x });
      await ctx.should(ensurePageSize, { limit, count: page.records.length }, ['OBC21-LIMIT'], { http: x });
    }
    const first = okPages[0];
    if (!first) return;
    await ctx.should(ensureHeader('X-Total-Count'), first.exchange, ['OBC21-PAGINATION-TOTAL-COUNT']);

    // Records behind the last page mean a `next` link was missing.
    const last = walk.pages[walk.pages.length - 1]!;
    let hidden = 0;
    if (walk.ended) {
      const probe = await ctx.http.send({
        url: withQuery(s.assertionsUrl, { limit, offset: last.offset + last.records.length }),
        headers: bearer(token),
        label: 'GET assertions after the last page',
      });
      if (probe.status === 200) hidden = listedAssertions(probe.json(), 'after the last page').length;
    }
    const distinct = new Set(idsOf(walk.records)).size;
    await ctx.should(ensureEnoughRecords, { count: distinct + hidden, min: limit + 1, purpose: `so that paging at limit=${limit} needs two pages` }, LINK_REQS, {
      http: walk.pages.map((p) => p.exchange),
    });
    const headerTotal = parseTotal(first.exchange.headers['x-total-count']);
    const complete = walk.ended && hidden === 0;
    const total = complete ? distinct : hidden > 0 ? Math.max(headerTotal ?? 0, last.offset + last.records.length + hidden) : headerTotal;
    for (const page of okPages) {
      await ctx.mustContinue(ensureLinkHeader, { exchange: page.exchange, offset: page.offset, returned: page.records.length, total }, LINK_REQS, {
        title: `page at offset ${page.offset}: Link header has the pagination relations`,
      });
    }

    // Ids the provider lists twice even without paging are reported (as a SHOULD) by provider-get-assertions.
    const unpagedIds = idsOf(listedAssertions(unpaged.json(), 'unpaged'));
    const listedTwice = new Set(unpagedIds.filter((id, i) => unpagedIds.indexOf(id) !== i));
    const walked = walk.records.filter((r) => !listedTwice.has(r.id));
    await ctx.mustContinue(ensureNoDuplicateAssertions, walked, ['OBC21-PAGINATION-OFFSET'], {
      http: walk.pages.map((p) => p.exchange),
      title: 'No record is listed on two pages',
    });
    // SPEC21 defines the header and says to omit it when unknown; that a sent total is exact is our reading (a warning).
    await ctx.should(ensureTotalCount, { header: first.exchange.headers['x-total-count'], seen: distinct, walkComplete: complete }, ['OBC21-PAGINATION-TOTAL-COUNT-ACCURATE'], {
      http: first.exchange,
    });
    await ctx.should(ensureTotalCount, { header: unpaged.headers['x-total-count'], seen: distinct, walkComplete: complete }, ['OBC21-PAGINATION-TOTAL-COUNT-ACCURATE'], {
      http: unpaged,
      title: 'X-Total-Count without paging parameters equals the records walked',
    });
  },
};

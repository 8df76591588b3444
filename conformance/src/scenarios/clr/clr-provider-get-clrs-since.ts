import { CLR_SCOPES } from '../../actions/clr/constants.js';
import { OBTAIN_TOKEN_REQUIREMENTS } from '../../actions/obtain-token.js';
import { ensureStatus } from '../../checks/http/ensure-status.js';
import { ensureSinceRespected } from '../../checks/obc/ensure-since-respected.js';
import type { Scenario } from '../../engine/scenario.js';
import { bearer, withQuery } from '../api/support/session.js';
import { clrSession, clrToken } from './support/session.js';
import { checkStatusInfo, STATUS_INFO_REQUIREMENTS } from './support/status-info.js';
import { clrIds, walkClrs } from './support/walk.js';

const FAR_FUTURE = '2100-01-01T00:00:00Z';
const FAR_PAST = '1970-01-01T00:00:00Z';
/** Query values no reading of the parameters accepts. */
const MALFORMED: Record<string, string>[] = [{ since: 'not-a-date' }, { limit: '0' }, { offset: '-1' }, { limit: 'ten' }];

export const clrProviderGetClrsSince: Scenario = {
  id: 'clr-provider-get-clrs-since',
  title: 'getClrs filters by "since" and refuses malformed query parameters',
  summary:
    `Asks for CLRs changed since ${FAR_FUTURE} (none may be listed) and since ${FAR_PAST} (all must be listed, compared with a walk of the ` +
    'unfiltered list); both are warnings, since "since" is reconstructed from Badge Connect. Malformed since, limit and offset values must be ' +
    'refused with 400 and imsx_StatusInfo (codeMinor invalid_query_parameter expected).',
  roles: ['clr-service-provider'],
  requirements: [...OBTAIN_TOKEN_REQUIREMENTS, 'CLR10-SINCE', 'CLR10-QUERY-PARAMS', 'CLR10-GET-CLRS', ...STATUS_INFO_REQUIREMENTS],
  async run(ctx) {
    const s = clrSession(ctx);
    const token = await clrToken(ctx, s, CLR_SCOPES.readonly);

    const future = await walkClrs(ctx, token, withQuery(s.clrsUrl, { since: FAR_FUTURE }), `GET clrs since=${FAR_FUTURE}`);
    const accepted = await ctx.should(ensureStatus(200), future.pages[0]!.exchange, ['CLR10-GET-CLRS'], { title: 'a valid "since" is accepted' });
    if (accepted.outcome === 'fail') return ctx.skip('getClrs refused a valid since: the CLR 1.0 path and status are reconstructed (a warning above), so the rest cannot be judged');
    await ctx.should(ensureSinceRespected, { since: FAR_FUTURE, listed: clrIds(future.records), include: [], exclude: 'all' }, ['CLR10-SINCE'], {
      http: future.pages.map((p) => p.exchange),
    });
    const all = await walkClrs(ctx, token, s.clrsUrl, 'GET clrs (unfiltered)');
    const past = await walkClrs(ctx, token, withQuery(s.clrsUrl, { since: FAR_PAST }), `GET clrs since=${FAR_PAST}`);
    if (all.ended && past.ended) {
      await ctx.should(ensureSinceRespected, { since: FAR_PAST, listed: clrIds(past.records), include: clrIds(all.records), exclude: [] }, ['CLR10-SINCE'], {
        http: [...all.pages, ...past.pages].map((p) => p.exchange),
      });
    }

    for (const query of MALFORMED) {
      const what = Object.entries(query).map(([k, v]) => `${k}=${v}`).join('&');
      const x = await ctx.http.send({ url: withQuery(s.clrsUrl, query), headers: bearer(token), label: `GET clrs ${what}` });
      const refused = await ctx.should(ensureStatus(400), x, ['CLR10-QUERY-PARAMS'], { title: `${what} is refused with 400` });
      if (refused.outcome === 'pass') await checkStatusInfo(ctx, x, what, { query: true });
    }
  },
};

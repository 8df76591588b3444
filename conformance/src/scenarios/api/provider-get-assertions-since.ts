import { ensureStatus } from '../../checks/http/ensure-status.js';
import { ensureSinceRespected } from '../../checks/obc/ensure-since-respected.js';
import { SCOPES } from '../../actions/types.js';
import type { Scenario } from '../../engine/scenario.js';
import { checkEnvelope } from './support/check-envelope.js';
import { idsOf } from './support/records.js';
import { apiSession, bearer, tokenWith, withQuery } from './support/session.js';
import { walkPages } from './support/walk.js';
import { OBTAIN_TOKEN_REQUIREMENTS } from '../../actions/obtain-token.js';

const FAR_FUTURE = '2100-01-01T00:00:00Z';
const FAR_PAST = '1970-01-01T00:00:00Z';
/** Malformed for any reading of ISO 8601. */
const MALFORMED = ['not-a-date', '2024-13-45T25:61:00Z'];
/** A date-time without a zone: OAS21 requires one, but a lenient provider may assume UTC. */
const NO_ZONE = '2024-05-01T00:00:00';

export const providerGetAssertionsSince: Scenario = {
  id: 'provider-get-assertions-since',
  title: 'GET /assertions filters by "since"',
  summary:
    `Asks for assertions changed since ${FAR_FUTURE} (none may be listed) and since ${FAR_PAST} (all must be listed, compared with a walk of ` +
    'the unfiltered list). OB 2.0 assertions carry no last-updated time, so no timestamp between records can be chosen in a read-only run; the ' +
    'write plan checks a timestamp between its own writes. Malformed since values must be refused with 400 in the envelope; a value without a ' +
    'time zone should be.',
  roles: ['obc-service-provider-read'],
  requirements: [...OBTAIN_TOKEN_REQUIREMENTS, 'OBC21-SINCE', 'OBC21-GET-ASSERTIONS-PARAMS', 'OBC21-ENVELOPE', 'OBC21-STATUS-TEXT'],
  async run(ctx) {
    const s = apiSession(ctx);
    const token = await tokenWith(ctx, s, SCOPES.assertionRead);

    const future = await walkPages(ctx, token, withQuery(s.assertionsUrl, { since: FAR_FUTURE }), `GET assertions since=${FAR_FUTURE}`);
    const fx = future.pages[0]!.exchange;
    await ctx.must(ensureStatus(200), fx, ['OBC21-GET-ASSERTIONS-PARAMS'], { title: 'a valid "since" is accepted' });
    await ctx.should(ensureSinceRespected, { since: FAR_FUTURE, listed: idsOf(future.records), include: [], exclude: 'all' }, ['OBC21-SINCE'], {
      http: future.pages.map((p) => p.exchange),
    });

    const all = await walkPages(ctx, token, s.assertionsUrl, 'GET assertions (unfiltered)');
    const past = await walkPages(ctx, token, withQuery(s.assertionsUrl, { since: FAR_PAST }), `GET assertions since=${FAR_PAST}`);
    if (all.ended && past.ended) {
      await ctx.should(ensureSinceRespected, { since: FAR_PAST, listed: idsOf(past.records), include: idsOf(all.records), exclude: [] }, ['OBC21-SINCE'], {
        http: [...all.pages, ...past.pages].map((p) => p.exchange),
      });
    }

    for (const since of MALFORMED) {
      const x = await ctx.http.send({ url: withQuery(s.assertionsUrl, { since }), headers: bearer(token), label: `GET assertions since=${since}` });
      const refused = await ctx.mustContinue(ensureStatus(400), x, ['OBC21-GET-ASSERTIONS-PARAMS'], { title: `since=${since} is refused with 400` });
      if (refused.outcome === 'pass') await checkEnvelope(ctx, x, 'getAssertions', undefined, `since=${since}`);
    }
    const nz = await ctx.http.send({ url: withQuery(s.assertionsUrl, { since: NO_ZONE }), headers: bearer(token), label: `GET assertions since=${NO_ZONE}` });
    const nzRefused = await ctx.should(ensureStatus(400), nz, ['OBC21-GET-ASSERTIONS-PARAMS'], {
      title: `since=${NO_ZONE} (no time zone, which the parameter requires; a lenient provider may assume UTC) is refused with 400`,
    });
    if (nzRefused.outcome === 'pass') await checkEnvelope(ctx, nz, 'getAssertions', undefined, `since=${NO_ZONE}`);
  },
};

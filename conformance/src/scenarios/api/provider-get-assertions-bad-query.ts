import { ensureStatus } from '../../checks/http/ensure-status.js';
import { SCOPES } from '../../actions/types.js';
import type { Scenario } from '../../engine/scenario.js';
import { checkEnvelope } from './support/check-envelope.js';
import { apiSession, bearer, tokenWith, withQuery } from './support/session.js';
import { OBTAIN_TOKEN_REQUIREMENTS } from '../../actions/obtain-token.js';

/** Values no reading of OAS21 (limit: int32 ≥ 1, offset: int32 ≥ 0) accepts. */
const MALFORMED: Record<string, string>[] = [
  { limit: '0' },
  { limit: '-1' },
  { limit: 'abc' },
  { limit: '2.5' },
  { offset: '-1' },
  { offset: 'abc' },
];
/** Well-formed digits beyond int32: a provider MAY clamp a large limit instead of refusing it. */
const HUGE_LIMIT = '2147483648';

const describe = (q: Record<string, string>) => Object.entries(q).map(([k, v]) => `${k}=${v}`).join('&');

export const providerGetAssertionsBadQuery: Scenario = {
  id: 'provider-get-assertions-bad-query',
  title: 'GET /assertions refuses malformed paging parameters',
  summary:
    `Sends ${MALFORMED.map(describe).join(', ')} and expects 400 with the status envelope and REQUEST_VALIDATION_ERROR or BAD_REQUEST. ` +
    `limit=${HUGE_LIMIT} (above int32) may be refused (400) or clamped (200), since SPEC21 lets a provider apply its own limit.`,
  roles: ['obc-service-provider-read'],
  requirements: [...OBTAIN_TOKEN_REQUIREMENTS, 'OBC21-GET-ASSERTIONS-PARAMS', 'OBC21-ENVELOPE', 'OBC21-STATUS-TEXT'],
  async run(ctx) {
    const s = apiSession(ctx);
    const token = await tokenWith(ctx, s, SCOPES.assertionRead);
    for (const query of MALFORMED) {
      const q = describe(query);
      const x = await ctx.http.send({ url: withQuery(s.assertionsUrl, query), headers: bearer(token), label: `GET assertions ${q}` });
      const refused = await ctx.mustContinue(ensureStatus(400), x, ['OBC21-GET-ASSERTIONS-PARAMS'], { title: `${q} is refused with 400` });
      if (refused.outcome === 'pass') await checkEnvelope(ctx, x, 'getAssertions', undefined, q);
    }
    const huge = await ctx.http.send({ url: withQuery(s.assertionsUrl, { limit: HUGE_LIMIT }), headers: bearer(token), label: `GET assertions limit=${HUGE_LIMIT}` });
    await ctx.mustContinue(ensureStatus(400, 200), huge, ['OBC21-GET-ASSERTIONS-PARAMS'], {
      title: `limit=${HUGE_LIMIT} (above int32) is refused (400) or clamped (200)`,
    });
    if (huge.status === 400 || huge.status === 200) await checkEnvelope(ctx, huge, 'getAssertions', undefined, `limit=${HUGE_LIMIT}`);
  },
};

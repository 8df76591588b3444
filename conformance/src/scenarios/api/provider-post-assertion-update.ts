import { ensureStatus } from '../../checks/http/ensure-status.js';
import { ensureAssertionRoundTrip } from '../../checks/obc/ensure-assertion-round-trip.js';
import { ensureNoDuplicateAssertions } from '../../checks/obc/ensure-no-duplicate-assertions.js';
import { ensureOrderedByUpdate } from '../../checks/obc/ensure-ordered-by-update.js';
import { ensureSinceRespected } from '../../checks/obc/ensure-since-respected.js';
import { SCOPES } from '../../actions/types.js';
import type { Scenario } from '../../engine/scenario.js';
import { checkEnvelope } from './support/check-envelope.js';
import { buildAssertion } from './support/fixture-assertion.js';
import { idsOf } from './support/records.js';
import { apiSession, tokenWith } from './support/session.js';
import { listAll, POSTED_ASSERTION, postAssertion, type PostedAssertion } from './support/writes.js';
import { OBTAIN_TOKEN_REQUIREMENTS } from '../../actions/obtain-token.js';

/** One second before the provider's own clock said the response was sent (Date has second precision). */
function sinceFromDate(date: string | undefined): string | undefined {
  const ms = date ? Date.parse(date) : NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms - 1000).toISOString().replace('.000Z', 'Z');
}

export const providerPostAssertionUpdate: Scenario = {
  id: 'provider-post-assertion-update',
  title: 'POST /assertions of a known id updates it',
  summary:
    'Posts a second new assertion B, then posts the assertion A stored by provider-post-assertion again with a changed narrative. Expects 200, ' +
    'A listed exactly once with the new narrative, A (updated last) listed before B (newest update first, a SHOULD), and both listed for a ' +
    '"since" one second before the provider\'s Date header on B\'s response (a SHOULD; the provider\'s own clock avoids clock skew).',
  roles: ['obc-service-provider-write'],
  requirements: [...OBTAIN_TOKEN_REQUIREMENTS, 'OBC21-POST-ASSERTION', 'OBC21-POST-ASSERTION-UPDATE', 'OBC21-ORDER', 'OBC21-SINCE', 'OBC21-ENVELOPE', 'OBC21-STATUS-TEXT'],
  async run(ctx) {
    const s = apiSession(ctx);
    const posted = ctx.need<PostedAssertion>(POSTED_ASSERTION, 'an assertion stored by provider-post-assertion');
    const token = await tokenWith(ctx, s, SCOPES.assertionCreate);

    const b = buildAssertion(posted.recipientEmail);
    const bx = await postAssertion(ctx, s, token, { assertion: b }, 'POST assertion B');
    await ctx.must(ensureStatus(200), bx, ['OBC21-POST-ASSERTION'], { title: 'a second new assertion is accepted' });
    const since = sinceFromDate(bx.headers.date);

    const updated: Record<string, unknown> = { ...posted.assertion, narrative: `Updated by the LRC conformance suite, run ${ctx.config.runId}.` };
    const ux = await postAssertion(ctx, s, token, { assertion: updated }, 'POST assertion A again (changed narrative)');
    await ctx.must(ensureStatus(200), ux, ['OBC21-POST-ASSERTION-UPDATE'], { title: 'posting a known id with changes is accepted' });
    await checkEnvelope(ctx, ux, 'postAssertion');

    const walk = await listAll(ctx, s, 'GET assertions after update');
    const http = walk.pages.map((p) => p.exchange);
    const copies = walk.records.filter((r) => r.id === updated.id);
    await ctx.mustContinue(ensureNoDuplicateAssertions, copies, ['OBC21-POST-ASSERTION-UPDATE'], { http, title: 'the updated assertion is listed once' });
    await ctx.mustContinue(ensureAssertionRoundTrip, { posted: updated, listed: copies.map((r) => r.doc) }, ['OBC21-POST-ASSERTION-UPDATE'], {
      http,
      title: 'the listed copy carries the update',
    });
    await ctx.should(ensureOrderedByUpdate, { listed: idsOf(walk.records), updatedOldestFirst: [String(b.id), String(updated.id)] }, ['OBC21-ORDER'], { http });

    if (since) {
      const recent = await listAll(ctx, s, `GET assertions since=${since}`, `?since=${encodeURIComponent(since)}`);
      await ctx.should(ensureSinceRespected, { since, listed: idsOf(recent.records), include: [String(b.id), String(updated.id)], exclude: [] }, ['OBC21-SINCE'], {
        http: recent.pages.map((p) => p.exchange),
      });
    }
  },
};

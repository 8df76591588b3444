import { ensureStatus } from '../../checks/http/ensure-status.js';
import { ensureAssertionRoundTrip } from '../../checks/obc/ensure-assertion-round-trip.js';
import { ensureNoDuplicateAssertions } from '../../checks/obc/ensure-no-duplicate-assertions.js';
import { SCOPES } from '../../actions/types.js';
import type { Scenario } from '../../engine/scenario.js';
import { checkEnvelope } from './support/check-envelope.js';
import { CANNOT_BUILD, firstListedVerifiable, SUPPLY_HOWTO } from './support/postable.js';
import { apiSession, tokenWith } from './support/session.js';
import { listAll, POSTED_ASSERTION, postAssertion, type PostedAssertion } from './support/writes.js';
import { OBTAIN_TOKEN_REQUIREMENTS } from '../../actions/obtain-token.js';

export const providerPostAssertionUpdate: Scenario = {
  id: 'provider-post-assertion-update',
  title: 'POST /assertions of a held assertion updates it in place',
  summary:
    'Posts again, unchanged and in the form it was posted or listed, an assertion the user already holds: the one provider-post-assertion ' +
    "stored, else the first one GET /assertions lists that the suite's verification library verifies with the provider's own documents " +
    '(hosted on its origin at an HTTP(S) id, or signed under a key it publishes), so a provider that verifies what it receives accepts ' +
    'it. Expects 200 (postAssertion creates or updates; OB 2.1 lists no other success) with the status envelope, and the assertion then ' +
    'listed exactly once with every field unchanged. A changed copy is never posted: it would no longer match its hosted copy or signature.',
  roles: ['obc-service-provider-write'],
  requirements: [...OBTAIN_TOKEN_REQUIREMENTS, 'OBC21-POST-ASSERTION-UPDATE', 'OBC21-ENVELOPE', 'OBC21-STATUS-TEXT'],
  async run(ctx) {
    const s = apiSession(ctx);
    const token = await tokenWith(ctx, s, SCOPES.assertionCreate);
    const posted = ctx.state.get<PostedAssertion>(POSTED_ASSERTION);
    let target = posted ? { id: String(posted.assertion.id), doc: posted.assertion, payload: posted.payload, source: 'the assertion provider-post-assertion stored' } : undefined;
    if (!target) {
      const walk = await listAll(ctx, s, 'GET assertions (one to post again)');
      const listed = await firstListedVerifiable(ctx, s, walk.records);
      if (!listed) {
        return ctx.skip(`the user holds no assertion the suite can verify with the provider's own documents, and none was posted: ${CANNOT_BUILD}; ${SUPPLY_HOWTO}`);
      }
      target = { id: listed.id, doc: listed.doc, payload: listed.payload, source: listed.source };
    }

    const x = await postAssertion(ctx, s, token, target.payload, `POST a held assertion again, unchanged (${target.source})`);
    await ctx.must(ensureStatus(200), x, ['OBC21-POST-ASSERTION-UPDATE'], { title: 'posting a held assertion again is accepted' });
    await checkEnvelope(ctx, x, 'postAssertion');

    const walk = await listAll(ctx, s, 'GET assertions after posting again');
    const http = walk.pages.map((p) => p.exchange);
    const copies = walk.records.filter((r) => r.id === target.id);
    await ctx.mustContinue(ensureNoDuplicateAssertions, copies, ['OBC21-POST-ASSERTION-UPDATE'], { http, title: 'the assertion is listed once' });
    await ctx.mustContinue(ensureAssertionRoundTrip, { posted: target.doc, listed: copies.map((r) => r.doc) }, ['OBC21-POST-ASSERTION-UPDATE'], {
      http,
      title: 'the listed copy is the one posted',
    });
  },
};

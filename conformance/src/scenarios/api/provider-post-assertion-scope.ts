import { ensureAssertionAbsent } from '../../checks/obc/ensure-assertion-absent.js';
import { ensureAssertionRoundTrip } from '../../checks/obc/ensure-assertion-round-trip.js';
import { SCOPES } from '../../actions/types.js';
import type { ScenarioContext } from '../../engine/context.js';
import type { Scenario } from '../../engine/scenario.js';
import { CANNOT_BUILD, firstListedVerifiable, SUPPLY_HOWTO, usableSupplied, type Postable } from './support/postable.js';
import { idsOf } from './support/records.js';
import { expectInsufficientScope, expectUnauthenticated } from './support/refusals.js';
import { apiSession, tokenWithout, type ApiSession } from './support/session.js';
import { listAll, POSTED_ASSERTION, postAssertion, type PostedAssertion } from './support/writes.js';
import { OBTAIN_TOKEN_REQUIREMENTS } from '../../actions/obtain-token.js';

/**
 * The documents to post: supplied ones the user does not hold (then checked absent afterwards), else one
 * the user holds (then checked unchanged). Never a document a verifying provider could refuse for itself,
 * so a 400 cannot stand in for the refusal under test.
 */
async function documents(ctx: ScenarioContext, s: ApiSession): Promise<{ fresh: Postable[]; held?: Postable }> {
  const walk = await listAll(ctx, s, 'GET assertions before the refused POSTs');
  const ids = new Set(idsOf(walk.records));
  const { usable: fresh } = await usableSupplied(ctx, (ctx.config.postAssertions ?? []).filter((a) => !ids.has(a.id)));
  if (fresh.length > 0) return { fresh };
  const posted = ctx.state.get<PostedAssertion>(POSTED_ASSERTION);
  if (posted) return { fresh, held: { source: 'the assertion provider-post-assertion stored', id: String(posted.assertion.id), doc: posted.assertion, payload: posted.payload, from: 'supplied' } };
  const listed = await firstListedVerifiable(ctx, s, walk.records);
  return listed ? { fresh, held: listed } : { fresh };
}

export const providerPostAssertionScope: Scenario = {
  id: 'provider-post-assertion-scope',
  title: 'POST /assertions requires a token with assertion.create',
  summary:
    'Posts an assertion a verifying provider would accept without a token (expects 401 UNAUTHENTICATED with a Bearer challenge), and ' +
    'with a token holding some other scope but not assertion.create (expects 401 or 403 with PERMISSION_DENIED; 401 is what OB 2.1 ' +
    'lists, so 403 gets a warning); both refusals carry the status envelope. The assertion is a supplied one the user does not hold ' +
    '(--post-assertion; two give each refusal its own), checked not listed afterwards; else one the user holds, posted unchanged and ' +
    'checked still listed unchanged.',
  roles: ['obc-service-provider-write'],
  requirements: [...OBTAIN_TOKEN_REQUIREMENTS, 'OBC21-AUTH-BEARER', 'OBC21-AUTH-CHALLENGE', 'OBC21-SCOPE', 'OBC21-SCOPE-401', 'OBC21-ENVELOPE', 'OBC21-STATUS-TEXT'],
  async run(ctx) {
    const s = apiSession(ctx);
    const other = await tokenWithout(ctx, s, SCOPES.assertionCreate, [SCOPES.assertionRead, SCOPES.profileRead, SCOPES.profileUpdate]);
    const { fresh, held } = await documents(ctx, s);
    const anonymous = fresh[0] ?? held;
    if (!anonymous) return ctx.skip(`no assertion a verifying provider would accept, so a refusal could not be told from a verdict on the document: ${CANNOT_BUILD}; ${SUPPLY_HOWTO}`);
    const underScoped = fresh[1] ?? anonymous;

    const none = await ctx.http.send({ method: 'POST', url: s.assertionsUrl, json: anonymous.payload, label: 'POST assertion without a token' });
    await expectUnauthenticated(ctx, none, 'POST /assertions without a token', 'postAssertion');
    const x = await postAssertion(ctx, s, other, underScoped.payload, 'POST assertion without assertion.create');
    await expectInsufficientScope(ctx, x, 'POST /assertions with a token lacking assertion.create', 'postAssertion');

    const walk = await listAll(ctx, s, 'GET assertions after the refused POSTs');
    const listed = idsOf(walk.records);
    const http = walk.pages.map((p) => p.exchange);
    // One document for both posts: its absence (or unchanged copy) speaks for both refusals.
    const reqs = (own: string) => (anonymous === underScoped ? ['OBC21-AUTH-BEARER', 'OBC21-SCOPE'] : [own]);
    if (!held) {
      await ctx.mustContinue(ensureAssertionAbsent, { id: anonymous.id, listed }, reqs('OBC21-AUTH-BEARER'), { http, title: 'the assertion posted without a token is not stored' });
      if (underScoped !== anonymous) {
        await ctx.mustContinue(ensureAssertionAbsent, { id: underScoped.id, listed }, ['OBC21-SCOPE'], { http, title: 'the assertion posted without assertion.create is not stored' });
      }
    } else {
      const copies = walk.records.filter((r) => r.id === held.id).map((r) => r.doc);
      await ctx.mustContinue(ensureAssertionRoundTrip, { posted: held.doc, listed: copies }, ['OBC21-AUTH-BEARER', 'OBC21-SCOPE'], {
        http,
        title: 'the held assertion posted by the refused requests is still listed unchanged',
      });
    }
  },
};

import { ensureAssertionAbsent } from '../../checks/obc/ensure-assertion-absent.js';
import { SCOPES } from '../../actions/types.js';
import type { Scenario } from '../../engine/scenario.js';
import { buildAssertion } from './support/fixture-assertion.js';
import { idsOf } from './support/records.js';
import { resolveRecipient } from './support/recipient.js';
import { expectInsufficientScope, expectUnauthenticated } from './support/refusals.js';
import { apiSession, tokenWithout } from './support/session.js';
import { listAll, postAssertion } from './support/writes.js';
import { OBTAIN_TOKEN_REQUIREMENTS } from '../../actions/obtain-token.js';

export const providerPostAssertionScope: Scenario = {
  id: 'provider-post-assertion-scope',
  title: 'POST /assertions requires a token with assertion.create',
  summary:
    'Posts a valid new assertion without a token (expects 401 UNAUTHENTICATED with a Bearer challenge), and another with a token holding ' +
    'some other scope but not assertion.create (expects 401 or 403 with PERMISSION_DENIED; 401 is what OB 2.1 lists, so 403 gets a ' +
    'warning). Both refusals carry the status envelope, and neither assertion may be listed afterwards.',
  roles: ['obc-service-provider-write'],
  requirements: [...OBTAIN_TOKEN_REQUIREMENTS, 'OBC21-AUTH-BEARER', 'OBC21-AUTH-CHALLENGE', 'OBC21-SCOPE', 'OBC21-SCOPE-401', 'OBC21-ENVELOPE', 'OBC21-STATUS-TEXT'],
  async run(ctx) {
    const s = apiSession(ctx);
    const other = await tokenWithout(ctx, s, SCOPES.assertionCreate, [SCOPES.assertionRead, SCOPES.profileRead, SCOPES.profileUpdate]);
    const recipient = await resolveRecipient(ctx, s);
    const anonymous = buildAssertion(recipient.email);
    const none = await ctx.http.send({ method: 'POST', url: s.assertionsUrl, json: { assertion: anonymous }, label: 'POST assertion without a token' });
    await expectUnauthenticated(ctx, none, 'POST /assertions without a token', 'postAssertion');
    const underScoped = buildAssertion(recipient.email);
    const x = await postAssertion(ctx, s, other, { assertion: underScoped }, 'POST assertion without assertion.create');
    await expectInsufficientScope(ctx, x, 'POST /assertions with a token lacking assertion.create', 'postAssertion');

    const walk = await listAll(ctx, s, 'GET assertions after the refused POSTs');
    const listed = idsOf(walk.records);
    const http = walk.pages.map((p) => p.exchange);
    await ctx.mustContinue(ensureAssertionAbsent, { id: String(anonymous.id), listed }, ['OBC21-AUTH-BEARER'], { http, title: 'the assertion posted without a token is not stored' });
    await ctx.mustContinue(ensureAssertionAbsent, { id: String(underScoped.id), listed }, ['OBC21-SCOPE'], { http, title: 'the assertion posted without assertion.create is not stored' });
  },
};

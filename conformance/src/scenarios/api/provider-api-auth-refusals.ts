import { ensureStatus } from '../../checks/http/ensure-status.js';
import { SCOPES } from '../../actions/types.js';
import type { Scenario } from '../../engine/scenario.js';
import { expectInsufficientScope, expectUnauthenticated } from './support/refusals.js';
import { apiSession, tokenWith, tokenWithout, withQuery } from './support/session.js';
import { OBTAIN_TOKEN_REQUIREMENTS } from '../../actions/obtain-token.js';

export const providerApiAuthRefusals: Scenario = {
  id: 'provider-api-auth-refusals',
  title: 'The API refuses missing, bad, misplaced and under-scoped tokens',
  summary:
    'Calls GET /assertions and GET /profile without a token and with a made-up token (401 UNAUTHENTICATED in the envelope, with a Bearer ' +
    'challenge); with a valid token in the access_token query parameter instead of the Authorization header (should be refused: Badge Connect ' +
    'sends tokens in the header and RFC 6750 §2.3 advises against query tokens, though it lets a server support them, hence a warning); and ' +
    'with a token holding only another scope (401 or 403 with PERMISSION_DENIED; 401 is what OB 2.1 lists, so 403 gets a warning).',
  roles: ['obc-service-provider-read'],
  requirements: [...OBTAIN_TOKEN_REQUIREMENTS, 'OBC21-AUTH-BEARER', 'OBC21-AUTH-CHALLENGE', 'OBC21-AUTH-HEADER-ONLY', 'OBC21-SCOPE', 'OBC21-SCOPE-401', 'OBC21-ENVELOPE', 'OBC21-STATUS-TEXT'],
  async run(ctx) {
    const s = apiSession(ctx);
    const token = await tokenWith(ctx, s, SCOPES.assertionRead);

    const none = await ctx.http.send({ url: s.assertionsUrl, label: 'GET assertions without a token' });
    await expectUnauthenticated(ctx, none, 'GET /assertions without a token', 'getAssertions');
    const noneProfile = await ctx.http.send({ url: s.profileUrl, label: 'GET profile without a token' });
    await expectUnauthenticated(ctx, noneProfile, 'GET /profile without a token', 'getProfile');

    const garbage = await ctx.http.send({
      url: s.assertionsUrl,
      headers: { authorization: `Bearer conformance-invalid-${ctx.config.runId}` },
      label: 'GET assertions with a made-up token',
    });
    await expectUnauthenticated(ctx, garbage, 'GET /assertions with a made-up token', 'getAssertions');

    const query = await ctx.http.send({ url: withQuery(s.assertionsUrl, { access_token: token.accessToken }), label: 'GET assertions with the token in the query' });
    await ctx.should(ensureStatus(400, 401), query, ['OBC21-AUTH-HEADER-ONLY'], {
      title: 'a token in the query string instead of the Authorization header is refused',
    });

    const other = await tokenWithout(ctx, s, SCOPES.assertionRead, [SCOPES.profileRead, SCOPES.profileUpdate, SCOPES.assertionCreate]);
    const under = await ctx.http.send({ url: s.assertionsUrl, headers: { authorization: `Bearer ${other.accessToken}` }, label: 'GET assertions without assertion.readonly' });
    await expectInsufficientScope(ctx, under, 'GET /assertions with a token lacking assertion.readonly', 'getAssertions');
  },
};

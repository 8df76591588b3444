import { SchemaIds } from '../../../../schemas/src/registry.js';
import { jsonOf, byRoute } from '../../checks/consumer/calls.js';
import { ensureBearerHeader } from '../../checks/consumer/ensure-bearer-header.js';
import { ensureRouteAnswered } from '../../checks/consumer/ensure-route-answered.js';
import { ensureWriteScope } from '../../checks/consumer/ensure-write-scope.js';
import { ensureNoUnknownProperties, ensureSchemaValid } from '../../checks/schema/ensure-schema-valid.js';
import type { Scenario } from '../../engine/scenario.js';
import { OBSERVATION_REQUIREMENTS, observe } from './support/observe.js';

export const consumerObcPostAssertion: Scenario = {
  id: 'consumer-obc-post-assertion',
  title: 'Badge Connect consumer: POST /assertions',
  summary:
    'Checks that the candidate posted an assertion with the access token in the Authorization header and a token granted assertion.create, and that every body it posted is a valid Assertion Payload without extension fields.',
  roles: ['obc-service-consumer-write'],
  requirements: [...OBSERVATION_REQUIREMENTS, 'OBC21-CERT-consumer-write', 'OBC21-CONSUMER-BEARER-HEADER', 'OBC21-CONSUMER-WRITE-SCOPE', 'OBC21-CONSUMER-PAYLOAD-VALID', 'OBC21-CERT-consumer-no-extension-fields'],
  async run(ctx) {
    const { calls } = await observe(ctx, 'obc');
    await ctx.mustContinue(ensureRouteAnswered('post-assertions', 'POST /assertions'), calls, ['OBC21-CERT-consumer-write']);
    await ctx.mustContinue(ensureBearerHeader, calls, ['OBC21-CONSUMER-BEARER-HEADER']);
    await ctx.mustContinue(ensureWriteScope(['post-assertions', 'post-profile']), calls, ['OBC21-CONSUMER-WRITE-SCOPE']);
    for (const post of byRoute(calls, 'post-assertions')) {
      const title = `POST /assertions body #${post.seq}`;
      await ctx.mustContinue(ensureSchemaValid(SchemaIds.obc.postAssertionRequest, title), jsonOf(post), ['OBC21-CONSUMER-PAYLOAD-VALID']);
      await ctx.mustContinue(ensureNoUnknownProperties(SchemaIds.obc.postAssertionRequest, title), jsonOf(post), ['OBC21-CERT-consumer-no-extension-fields']);
    }
  },
};

import { SchemaIds } from '../../../../schemas/src/registry.js';
import { byRoute, jsonOf } from '../../checks/consumer/calls.js';
import { ensureNoUnknownProperties, ensureSchemaValid } from '../../checks/schema/ensure-schema-valid.js';
import type { Scenario } from '../../engine/scenario.js';
import { OBSERVATION_REQUIREMENTS, observe } from './support/observe.js';

export const consumerClrPostClr: Scenario = {
  id: 'consumer-clr-post-clr',
  title: 'CLR 1.0 consumer: postClr (optional)',
  summary:
    'If the candidate posted a CLR, checks that each body is a ClrPayload (the Clr inside clr, or a JWS in signedClr; never a bare Clr) with no property the ClrPayload schema does not define. Skipped when it posted none.',
  roles: ['clr-service-consumer'],
  requirements: [...OBSERVATION_REQUIREMENTS, 'CLR10-CONSUMER-PAYLOAD-VALID', 'CLR10-CONSUMER-NO-EXTENSION-FIELDS'],
  async run(ctx) {
    const { calls } = await observe(ctx, 'clr');
    const posts = byRoute(calls, 'post-clr');
    if (posts.length === 0) return ctx.skip('the candidate did not call postClr, which is optional');
    for (const post of posts) {
      const title = `postClr body #${post.seq}`;
      await ctx.mustContinue(ensureSchemaValid(SchemaIds.clr.clrPayload, title), jsonOf(post), ['CLR10-CONSUMER-PAYLOAD-VALID']);
      await ctx.mustContinue(ensureNoUnknownProperties(SchemaIds.clr.clrPayload, title), jsonOf(post), ['CLR10-CONSUMER-NO-EXTENSION-FIELDS']);
    }
  },
};

import { SchemaIds } from '../../../../schemas/src/registry.js';
import { byRoute, jsonOf } from '../../checks/consumer/calls.js';
import { ensureNoUnknownProperties, ensureSchemaValid } from '../../checks/schema/ensure-schema-valid.js';
import type { Scenario } from '../../engine/scenario.js';
import { OBSERVATION_REQUIREMENTS, observe } from './support/observe.js';

export const consumerObcPostProfile: Scenario = {
  id: 'consumer-obc-post-profile',
  title: 'Badge Connect consumer: POST /profile (optional)',
  summary: 'If the candidate posted a profile, checks that each body is a valid OB 2.0 Profile without extension fields. Skipped when it did not (the call is optional).',
  roles: ['obc-service-consumer-write'],
  requirements: [...OBSERVATION_REQUIREMENTS, 'OBC21-CERT-consumer-post-profile-optional', 'OBC21-CONSUMER-PAYLOAD-VALID', 'OBC21-CERT-consumer-no-extension-fields'],
  async run(ctx) {
    const { calls } = await observe(ctx, 'obc');
    const posts = byRoute(calls, 'post-profile');
    if (posts.length === 0) {
      const offered = calls.some((c) => c.route === 'manifest' && c.responseBody.includes('/scope/profile.update'));
      return ctx.skip(`the candidate did not call POST /profile, which is optional${offered ? '' : ' (and the manifest does not offer profile.update)'}`);
    }
    for (const post of posts) {
      const title = `POST /profile body #${post.seq}`;
      await ctx.mustContinue(ensureSchemaValid(SchemaIds.obc.postProfileRequest, title), jsonOf(post), ['OBC21-CONSUMER-PAYLOAD-VALID']);
      await ctx.mustContinue(ensureNoUnknownProperties(SchemaIds.obc.postProfileRequest, title), jsonOf(post), ['OBC21-CERT-consumer-no-extension-fields']);
    }
  },
};

import { ensureBearerHeader } from '../../checks/consumer/ensure-bearer-header.js';
import { ensurePagesFollowed } from '../../checks/consumer/ensure-pages-followed.js';
import { ensureRouteAnswered } from '../../checks/consumer/ensure-route-answered.js';
import type { Scenario } from '../../engine/scenario.js';
import { OBC } from './support/family.js';
import { OBSERVATION_REQUIREMENTS, observe } from './support/observe.js';

export const consumerObcGetAssertions: Scenario = {
  id: 'consumer-obc-get-assertions',
  title: 'Badge Connect consumer: GET /assertions',
  summary:
    'Checks that the candidate read the assertions with the access token in the Authorization header only and, if it asked for pages (limit/offset), followed every Link next.',
  roles: ['obc-service-consumer-read'],
  requirements: [...OBSERVATION_REQUIREMENTS, 'OBC21-CERT-consumer-read', 'OBC21-CONSUMER-BEARER-HEADER', 'OBC21-CERT-consumer-pagination'],
  async run(ctx) {
    const { calls } = await observe(ctx, 'obc');
    await ctx.mustContinue(ensureRouteAnswered('get-assertions', 'GET /assertions'), calls, ['OBC21-CERT-consumer-read']);
    await ctx.mustContinue(ensureBearerHeader, calls, [OBC.req('BEARER-HEADER')]);
    await ctx.mustContinue(ensurePagesFollowed('get-assertions', 'GET /assertions'), calls, ['OBC21-CERT-consumer-pagination']);
  },
};

import { ensureRouteAnswered } from '../../checks/consumer/ensure-route-answered.js';
import type { Scenario } from '../../engine/scenario.js';
import { OBSERVATION_REQUIREMENTS, observe } from './support/observe.js';

export const consumerObcGetProfile: Scenario = {
  id: 'consumer-obc-get-profile',
  title: 'Badge Connect consumer: GET /profile',
  summary: 'Checks that the candidate read the user\'s profile, which the Service Consumer (Read) feature requires.',
  roles: ['obc-service-consumer-read'],
  requirements: [...OBSERVATION_REQUIREMENTS, 'OBC21-CERT-consumer-read'],
  async run(ctx) {
    const { calls } = await observe(ctx, 'obc');
    await ctx.must(ensureRouteAnswered('get-profile', 'GET /profile'), calls, ['OBC21-CERT-consumer-read']);
  },
};

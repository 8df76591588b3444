import { ensureBearerHeader } from '../../checks/consumer/ensure-bearer-header.js';
import { ensurePagesFollowed } from '../../checks/consumer/ensure-pages-followed.js';
import { ensureRouteAnswered } from '../../checks/consumer/ensure-route-answered.js';
import type { Scenario } from '../../engine/scenario.js';
import { OBSERVATION_REQUIREMENTS, observe } from './support/observe.js';

export const consumerClrGetClrs: Scenario = {
  id: 'consumer-clr-get-clrs',
  title: 'CLR 1.0 consumer: getClrs',
  summary:
    'Checks that the candidate read the learner\'s CLRs with the access token in the Authorization header only and, if it asked for pages, followed every Link next.',
  roles: ['clr-service-consumer'],
  requirements: [...OBSERVATION_REQUIREMENTS, 'CLR10-CERT-consumer', 'CLR10-CONSUMER-BEARER-HEADER', 'CLR10-CONSUMER-PAGINATION'],
  async run(ctx) {
    const { calls } = await observe(ctx, 'clr');
    // CLR 1.0 consumer rules reconstructed from the reference consumer and OB 2.1: warnings.
    await ctx.should(ensureRouteAnswered('get-clrs', 'getClrs'), calls, ['CLR10-CERT-consumer']);
    await ctx.should(ensureBearerHeader, calls, ['CLR10-CONSUMER-BEARER-HEADER']);
    await ctx.should(ensurePagesFollowed('get-clrs', 'getClrs'), calls, ['CLR10-CONSUMER-PAGINATION']);
  },
};

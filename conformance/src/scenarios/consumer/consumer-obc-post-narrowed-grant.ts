import { ensureNoWriteWithoutScope } from '../../checks/consumer/ensure-write-scope.js';
import type { Scenario } from '../../engine/scenario.js';
import { OBSERVATION_REQUIREMENTS, observe } from './support/observe.js';

export const consumerObcPostNarrowedGrant: Scenario = {
  id: 'consumer-obc-post-narrowed-grant',
  title: 'Badge Connect consumer: the person grants reading only',
  summary:
    'Switches on the emulator fault narrowed-grant (the authorization server leaves assertion.create and profile.update out of the grant, as RFC 6749 §3.3 allows, and says so in scope) and checks that the candidate sent no POST with that read-only token.',
  roles: ['obc-service-consumer-write'],
  requirements: [...OBSERVATION_REQUIREMENTS, 'OBC21-CONSUMER-WRITE-SCOPE'],
  async run(ctx) {
    const { calls } = await observe(ctx, 'obc', { fault: 'narrowed-grant' });
    await ctx.must(ensureNoWriteWithoutScope(['post-assertions', 'post-profile']), calls, ['OBC21-CONSUMER-WRITE-SCOPE']);
  },
};

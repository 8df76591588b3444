import { byRoute } from '../../checks/consumer/calls.js';
import { ensureFailureReported } from '../../checks/consumer/ensure-failure-reported.js';
import type { Scenario } from '../../engine/scenario.js';
import { OBSERVATION_REQUIREMENTS, observe } from './support/observe.js';

export const consumerObcPostError: Scenario = {
  id: 'consumer-obc-post-error',
  title: 'Badge Connect consumer: POST refused with the error envelope',
  summary:
    'Switches on the emulator fault post-error-envelope (every POST answers 400 with the status envelope) and checks that the candidate surfaced the failure: a non-zero exit code or output naming it.',
  roles: ['obc-service-consumer-write'],
  requirements: [...OBSERVATION_REQUIREMENTS, 'OBC21-CONSUMER-POST-ERROR'],
  async run(ctx) {
    const o = await observe(ctx, 'obc', { fault: 'post-error-envelope' });
    const refused = [...byRoute(o.calls, 'post-assertions'), ...byRoute(o.calls, 'post-profile')].some((c) => c.meta.fault === 'post-error-envelope');
    await ctx.should(ensureFailureReported, { ...(o.trigger ? { trigger: o.trigger } : {}), refused }, ['OBC21-CONSUMER-POST-ERROR']);
  },
};

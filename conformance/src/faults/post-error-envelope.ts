import type { Fault } from './types.js';

/** Every POST to the API answers 400 in the family's error envelope: the candidate must surface the failure. */
export const postErrorEnvelope: Fault = {
  name: 'post-error-envelope',
  summary: 'POST answers 400 with the error envelope',
  requirements: ['OBC21-CONSUMER-POST-ERROR'],
  beforeWrite(call, env) {
    call.meta.fault = 'post-error-envelope';
    return env.error(400, 'The emulator refuses this write on purpose (fault post-error-envelope)');
  },
};

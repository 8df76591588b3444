import { randomBytes } from 'node:crypto';
import type { Fault } from './types.js';

/** The authorization redirect carries a state other than the one sent: the candidate must reject it. */
export const stateMismatch: Fault = {
  name: 'state-mismatch',
  summary: 'the authorization redirect carries a different state',
  requirements: ['OBC21-CONSUMER-STATE-CHECK', 'CLR10-CONSUMER-STATE-CHECK'],
  redirectState(sent) {
    let other = randomBytes(18).toString('base64url');
    while (other === sent) other = randomBytes(18).toString('base64url');
    return other;
  },
};

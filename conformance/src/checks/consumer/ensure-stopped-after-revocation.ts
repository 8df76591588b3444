import type { EmulatorCall } from '../../emulators/types.js';
import { fail, pass, type Check } from '../../engine/verdict.js';
import { apiCalls, byRoute } from './calls.js';

/**
 * After the fault `revoked-grant` revoked every token, the candidate makes at most `max` further API and
 * token requests (notice the 401, try one refresh, give up) instead of looping.
 */
export function ensureStoppedAfterRevocation(max: number): Check<EmulatorCall[]> {
  return {
    id: 'ensure-stopped-after-revocation',
    title: `at most ${max} requests after the grant is revoked`,
    run(calls) {
      const revoked = calls.find((c) => c.meta.revokedAfter === true);
      if (!revoked) return fail('the candidate made no successful API call, so the grant was never revoked');
      const later = calls.filter((c) => c.seq > revoked.seq);
      const after = [...apiCalls(later), ...byRoute(later, 'token')];
      if (after.length > max) return fail(`${after.length} requests after the revocation (at most ${max} expected): the candidate keeps calling`, { after: after.length });
      return pass(`${after.length} request(s) after the revocation`, { after: after.length });
    },
  };
}

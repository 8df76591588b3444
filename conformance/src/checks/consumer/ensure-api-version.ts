import type { EmulatorCall } from '../../emulators/types.js';
import { fail, pass, skip, type Check } from '../../engine/verdict.js';
import { apiCalls, byRoute, describe } from './calls.js';

/**
 * The candidate used the manifest's `version: "v2p1"` entry, not the draft v1p0 entry the emulator lists
 * first: no request reached the draft apiBase.
 */
export const ensureApiVersion: Check<EmulatorCall[]> = {
  id: 'ensure-api-version',
  title: 'the badgeConnectAPI entry with version v2p1 is used',
  run(calls) {
    const draft = byRoute(calls, 'draft-api');
    if (draft.length > 0) {
      return fail(`${describe(draft[0]!)} went to the apiBase of the draft v1p0 entry (listed first in badgeConnectAPI) instead of the v2p1 one`, { draftCalls: draft.length });
    }
    const api = apiCalls(calls);
    if (api.length === 0) return skip('the candidate made no API call, so the entry it chose cannot be seen');
    return pass(`${api.length} API call(s), all under the v2p1 apiBase`);
  },
};

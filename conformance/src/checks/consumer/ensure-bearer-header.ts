import type { EmulatorCall } from '../../emulators/types.js';
import { fail, pass, type Check } from '../../engine/verdict.js';
import { apiCalls, describe, formOf } from './calls.js';

/** The access token travels only in `Authorization: Bearer`, never in the query string or body (RFC 6750 §2). */
export const ensureBearerHeader: Check<EmulatorCall[]> = {
  id: 'ensure-bearer-header',
  title: 'access token only in the Authorization header',
  run(calls) {
    const api = apiCalls(calls);
    if (api.length === 0) return fail('the candidate made no API call');
    for (const c of api) {
      if (c.query.has('access_token')) return fail(`${describe(c)} carries access_token in the query string`);
      if ((c.headers['content-type'] ?? '').includes('x-www-form-urlencoded') && formOf(c).has('access_token')) return fail(`${describe(c)} carries access_token in the body`);
      if (!/^bearer\s+\S+/i.test(c.headers.authorization ?? '')) return fail(`${describe(c)} has no Bearer Authorization header`);
    }
    return pass(`${api.length} API call(s), each with a Bearer header`);
  },
};

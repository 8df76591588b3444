import type { EmulatorCall } from '../../emulators/types.js';
import { fail, pass, type Check } from '../../engine/verdict.js';
import { codeExchanges, formOf } from './calls.js';

const REQUIRED = ['grant_type', 'code', 'redirect_uri', 'scope', 'code_verifier'];

/** A code exchange is a form POST with every parameter OB 2.1 requires. */
export const ensureTokenParams: Check<EmulatorCall[]> = {
  id: 'ensure-token-params',
  title: 'code exchange sends grant_type, code, redirect_uri, scope and code_verifier',
  run(calls) {
    const exchanges = codeExchanges(calls);
    if (exchanges.length === 0) return fail('the candidate never exchanged an authorization code');
    for (const t of exchanges) {
      if (!(t.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
        return fail(`token request #${t.seq} is not application/x-www-form-urlencoded`);
      }
      const form = formOf(t);
      const missing = REQUIRED.filter((k) => !form.get(k));
      if (missing.length > 0) return fail(`token request #${t.seq} lacks ${missing.join(', ')}`, { missing });
      const inQuery = REQUIRED.filter((k) => t.query.has(k));
      if (inQuery.length > 0) return fail(`token request #${t.seq} puts ${inQuery.join(', ')} in the query string`);
    }
    return pass(`${exchanges.length} code exchange(s) with every required parameter`);
  },
};

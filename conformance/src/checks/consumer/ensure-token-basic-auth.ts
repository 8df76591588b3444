import type { EmulatorCall } from '../../emulators/types.js';
import { fail, pass, type Check } from '../../engine/verdict.js';
import { byRoute, formOf } from './calls.js';

/** Token requests authenticate the client with HTTP Basic only (OB 2.1 §Token Request; RFC 6749 §2.3.1). */
export const ensureTokenBasicAuth: Check<EmulatorCall[]> = {
  id: 'ensure-token-basic-auth',
  title: 'token requests use HTTP Basic client authentication',
  run(calls) {
    const tokens = byRoute(calls, 'token');
    if (tokens.length === 0) return fail('the candidate never called the token endpoint');
    for (const t of tokens) {
      const header = t.headers.authorization ?? '';
      if (!/^basic\s+\S+/i.test(header)) return fail(`token request #${t.seq} has no Basic Authorization header`);
      const decoded = Buffer.from(header.replace(/^basic\s+/i, ''), 'base64').toString('utf8');
      if (!decoded.includes(':')) return fail(`token request #${t.seq}: Basic credentials are not "id:secret"`);
      if (formOf(t).has('client_secret')) return fail(`token request #${t.seq} also sends client_secret in the body`);
    }
    return pass(`${tokens.length} token request(s) with Basic client authentication`);
  },
};

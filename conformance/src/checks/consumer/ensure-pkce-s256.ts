import type { EmulatorCall } from '../../emulators/types.js';
import { fail, pass, type Check } from '../../engine/verdict.js';
import { byRoute } from './calls.js';

/** RFC 7636 §4.2: a challenge is BASE64URL(SHA256(verifier)), i.e. 43 base64url characters. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/** Every authorization request carries a PKCE code_challenge with method S256 (OB 2.1 §Obtaining Tokens). */
export const ensurePkceS256: Check<EmulatorCall[]> = {
  id: 'ensure-pkce-s256',
  title: 'authorization requests use PKCE with S256',
  run(calls) {
    const auths = byRoute(calls, 'authorize');
    if (auths.length === 0) return fail('the candidate never sent an authorization request');
    for (const a of auths) {
      const method = a.query.get('code_challenge_method');
      const challenge = a.query.get('code_challenge');
      if (!challenge) return fail(`authorization request #${a.seq} has no code_challenge`);
      if (method !== 'S256') return fail(`authorization request #${a.seq} uses code_challenge_method ${method === null ? '(absent, i.e. plain)' : `"${method}"`}`, { method });
      if (!S256_CHALLENGE.test(challenge)) return fail(`authorization request #${a.seq}: code_challenge is not a base64url SHA-256 digest`, { length: challenge.length });
    }
    return pass(`${auths.length} authorization request(s) with an S256 challenge`);
  },
};

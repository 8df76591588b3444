import type { EmulatorCall } from '../../emulators/types.js';
import { fail, pass, type Check } from '../../engine/verdict.js';
import { codeExchanges, formOf } from './calls.js';

/** RFC 6749 §4.1.2: the client must not use an authorization code more than once. */
export const ensureCodeOnce: Check<EmulatorCall[]> = {
  id: 'ensure-code-once',
  title: 'each authorization code is exchanged once',
  run(calls) {
    const exchanges = codeExchanges(calls);
    if (exchanges.length === 0) return fail('the candidate never exchanged an authorization code');
    const first = new Map<string, number>();
    for (const t of exchanges) {
      const code = formOf(t).get('code') ?? '';
      const earlier = first.get(code);
      if (earlier !== undefined) {
        return fail(`token request #${t.seq} redeems the code already redeemed by #${earlier} (refused invalid_grant; the emulator revoked the tokens issued from it)`, { replayedAt: t.seq, firstAt: earlier });
      }
      first.set(code, t.seq);
    }
    return pass(`${exchanges.length} code exchange(s), no code used twice`);
  },
};

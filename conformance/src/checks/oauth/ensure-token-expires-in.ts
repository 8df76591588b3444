import type { HttpExchange } from '../../engine/http.js';
import { fail, pass, type Check } from '../../engine/verdict.js';

/** The token response says how long the access token lives (RFC 6749 §5.1: expires_in is RECOMMENDED). */
export const ensureTokenExpiresIn: Check<HttpExchange> = {
  id: 'ensure-token-expires-in',
  title: 'token response has expires_in',
  run(x) {
    const value = (x.json() as { expires_in?: unknown } | undefined)?.expires_in;
    if (value === undefined) return fail('"expires_in" is missing, so the client cannot know when the token ends');
    return Number.isInteger(value) && (value as number) > 0
      ? pass(`expires_in ${String(value)} s`)
      : fail(`"expires_in" is ${JSON.stringify(value)}, expected a positive integer`, { actual: value });
  },
};

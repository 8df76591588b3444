import type { HttpExchange } from '../../engine/http.js';
import { fail, pass, type Check } from '../../engine/verdict.js';
import { describeNoResponse } from '../http/describe.js';

/**
 * A token request asking for scopes beyond `allowed` is refused with an OAuth error, or answered with a
 * token whose scope stays within `allowed` (RFC 6749 §3.3: the server may ignore part of the request; §6:
 * a refresh never widens the grant). A 200 without `scope` means the request was granted as asked.
 */
export function ensureScopeWithin(allowed: readonly string[], requested: readonly string[]): Check<HttpExchange> {
  return {
    id: 'ensure-scope-within',
    title: 'no token beyond the allowed scope',
    run(x) {
      if (x.status === 0) return fail(describeNoResponse(x));
      const body = x.json() as { error?: unknown; scope?: unknown; access_token?: unknown } | undefined;
      if (x.status >= 400 && typeof body?.error === 'string') return pass(`refused: ${x.status} ${body.error}`);
      if (x.status !== 200 || typeof body?.access_token !== 'string') {
        return fail(`status ${x.status}: neither a token nor an OAuth error`, { actual: x.status });
      }
      const granted = typeof body.scope === 'string' ? body.scope.split(' ').filter(Boolean) : [...requested];
      const beyond = granted.filter((s) => !allowed.includes(s));
      return beyond.length
        ? fail(`token issued with scope beyond the allowed: ${beyond.join(', ')}`, { beyond, scopeInResponse: body.scope !== undefined })
        : pass(`token limited to allowed scope "${granted.join(' ')}"`);
    },
  };
}

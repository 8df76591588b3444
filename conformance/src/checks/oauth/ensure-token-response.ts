import type { HttpExchange } from '../../engine/http.js';
import { fail, pass, type Check } from '../../engine/verdict.js';
import { describeNoResponse } from '../http/describe.js';

/**
 * A successful token response (RFC 6749 §5.1): 200, an access_token, token_type "Bearer" (any case,
 * RFC 6749 §5.1 / RFC 6750), expires_in (when present) a positive integer, and `scope` (when present)
 * within what was requested.
 */
export function ensureTokenResponse(requested: readonly string[]): Check<HttpExchange> {
  return {
    id: 'ensure-token-response',
    title: 'token response has a bearer access token within the requested scope',
    run(x) {
      if (x.status === 0) return fail(describeNoResponse(x));
      const body = x.json() as Record<string, unknown> | undefined;
      if (x.status !== 200) return fail(`status ${x.status}, expected 200`, { actual: x.status, error: body?.error ?? null });
      if (!body || typeof body !== 'object') return fail('body is not a JSON object');
      const problems: string[] = [];
      if (typeof body.access_token !== 'string' || body.access_token === '') problems.push('"access_token" is missing');
      if (typeof body.token_type !== 'string' || body.token_type.toLowerCase() !== 'bearer') {
        problems.push(`"token_type" is ${JSON.stringify(body.token_type ?? null)}, expected "Bearer"`);
      }
      if (body.expires_in !== undefined && !(Number.isInteger(body.expires_in) && (body.expires_in as number) > 0)) {
        problems.push(`"expires_in" is ${JSON.stringify(body.expires_in)}, expected a positive integer`);
      }
      if (body.scope !== undefined) {
        const granted = typeof body.scope === 'string' ? body.scope.split(' ').filter(Boolean) : null;
        const extra = granted ? granted.filter((s) => !requested.includes(s)) : ['(scope is not a string)'];
        if (extra.length) problems.push(`"scope" includes ${extra.join(', ')}, which was not requested`);
      }
      if (problems.length) return fail(problems.join('; '), { problems });
      return pass(`bearer token issued${typeof body.scope === 'string' ? ` for "${body.scope}"` : ''}`);
    },
  };
}

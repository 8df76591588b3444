import { SchemaIds, getRegistry } from '../../../../schemas/src/registry.js';
import type { HttpExchange } from '../../engine/http.js';
import { fail, pass, type Check } from '../../engine/verdict.js';
import { describeNoResponse } from '../http/describe.js';

/**
 * An OAuth error response (RFC 6749 §5.2, RFC 7591 §3.2.2): one of the expected statuses, a JSON body
 * matching the error schema, and an `error` code from the allowed set.
 */
export function ensureOAuthError(statuses: readonly number[], codes: readonly string[]): Check<HttpExchange> {
  const codeList = codes.join(' or ');
  return {
    id: 'ensure-oauth-error',
    title: `refused with ${statuses.join('/')} ${codeList}`,
    run(x) {
      if (x.status === 0) return fail(describeNoResponse(x));
      const body = x.json() as { error?: unknown } | undefined;
      if (x.status >= 200 && x.status < 300) {
        return fail(`accepted with status ${x.status}, expected an error ${codeList}`, { expected: statuses, actual: x.status });
      }
      if (!statuses.includes(x.status)) {
        return fail(`status ${x.status}, expected ${statuses.join(' or ')}`, { expected: statuses, actual: x.status, error: body?.error ?? null });
      }
      if (body === undefined) return fail(`status ${x.status} without a JSON error body`, { bodyStart: x.text.slice(0, 200) });
      const result = getRegistry().validate(SchemaIds.oauth.errorResponse, body, { unknownProperties: 'allow' });
      if (!result.valid) {
        const first = result.errors[0];
        return fail(`error body does not match the OAuth error schema: ${first ? `${first.instancePath || '/'} ${first.message}` : 'invalid'}`, {
          schemaId: SchemaIds.oauth.errorResponse,
          errors: result.errors.slice(0, 10),
        });
      }
      if (typeof body.error !== 'string' || !codes.includes(body.error)) {
        return fail(`"error" is ${JSON.stringify(body.error ?? null)}, expected ${codeList}`, { expected: codes, actual: body.error ?? null });
      }
      return pass(`refused: ${x.status} ${body.error}`);
    },
  };
}

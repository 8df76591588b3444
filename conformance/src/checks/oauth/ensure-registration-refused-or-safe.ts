import type { HttpExchange } from '../../engine/http.js';
import { fail, pass, type Check } from '../../engine/verdict.js';
import { describeNoResponse } from '../http/describe.js';

/**
 * A registration that breaks a Badge Connect rule is refused (an RFC 7591 error: 400 with `error`), or
 * accepted only with the offending value replaced. `unsafe` inspects a 201 body and names what was kept
 * (undefined when the provider substituted a compliant value).
 */
export function ensureRegistrationRefusedOrSafe(
  rule: string,
  unsafe: (registered: Record<string, unknown>) => string | undefined,
): Check<HttpExchange> {
  return {
    id: 'ensure-registration-refused-or-safe',
    title: `registration breaking "${rule}" is refused or corrected`,
    run(x) {
      if (x.status === 0) return fail(describeNoResponse(x));
      const body = x.json() as Record<string, unknown> | undefined;
      if (x.status === 400 && typeof body?.error === 'string') return pass(`refused: 400 ${body.error}`);
      if (x.status === 201 && body && typeof body === 'object') {
        const kept = unsafe(body);
        return kept
          ? fail(`registration accepted although it breaks "${rule}": ${kept}`, { rule })
          : pass('registration accepted with a compliant substitute value');
      }
      return fail(`status ${x.status}, expected 400 with an RFC 7591 error, or 201 with a corrected value`, {
        actual: x.status,
        error: body?.error ?? null,
      });
    },
  };
}

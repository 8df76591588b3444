import { fail, pass, type Check } from '../../engine/verdict.js';

/**
 * The registration response carries the four fields OB 2.1 adds to the echoed metadata: client_id and
 * client_secret (non-empty strings), client_id_issued_at and client_secret_expires_at (integer epoch
 * seconds; 0 means the secret never expires).
 */
export const ensureRegistrationResponse: Check<unknown> = {
  id: 'ensure-registration-response',
  title: 'registration response has client_id, client_secret and their timestamps',
  run(body) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return fail('response body is not a JSON object');
    const r = body as Record<string, unknown>;
    const problems: string[] = [];
    for (const k of ['client_id', 'client_secret']) {
      if (typeof r[k] !== 'string' || r[k] === '') problems.push(`"${k}" is not a non-empty string`);
    }
    for (const k of ['client_id_issued_at', 'client_secret_expires_at']) {
      if (!Number.isInteger(r[k]) || (r[k] as number) < 0) problems.push(`"${k}" is not a non-negative integer (${JSON.stringify(r[k] ?? null)})`);
    }
    if (problems.length) return fail(problems.join('; '), { problems });
    return pass(`client_id issued; secret expires ${r.client_secret_expires_at === 0 ? 'never' : `at ${String(r.client_secret_expires_at)}`}`);
  },
};

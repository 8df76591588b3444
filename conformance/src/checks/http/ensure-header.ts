import type { HttpExchange } from '../../engine/http.js';
import { fail, pass, type Check } from '../../engine/verdict.js';

/** A response header is present and, when a test is given, its value satisfies it. */
export function ensureHeader(
  name: string,
  test?: { describe: string; accept: (value: string) => boolean },
): Check<HttpExchange> {
  const header = name.toLowerCase();
  return {
    id: 'ensure-header',
    title: test ? `${name} header ${test.describe}` : `${name} header is present`,
    run(x) {
      const value = x.headers[header];
      if (value === undefined) return fail(`no ${name} header`, { header: name });
      if (test && !test.accept(value)) {
        return fail(`${name} is "${value}", expected it to ${test.describe}`, { header: name, actual: value });
      }
      return pass(`${name}: ${value}`);
    },
  };
}

/** Cache-Control carries no-store (token and registration responses hold secrets). */
export const ensureNoStore: Check<HttpExchange> = {
  id: 'ensure-no-store',
  title: 'Cache-Control includes no-store',
  run(x) {
    const value = x.headers['cache-control'] ?? '';
    return /(^|,)\s*no-store\s*(,|$)/i.test(value)
      ? pass(`Cache-Control: ${value}`)
      : fail(`Cache-Control is "${value || '(none)'}", expected no-store`, { actual: value || null });
  },
};

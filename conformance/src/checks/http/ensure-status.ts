import type { HttpExchange } from '../../engine/http.js';
import { fail, pass, type Check } from '../../engine/verdict.js';
import { describeNoResponse } from './describe.js';

/** The response has one of the expected HTTP status codes. */
export function ensureStatus(...expected: number[]): Check<HttpExchange> {
  const list = expected.join(' or ');
  return {
    id: 'ensure-status',
    title: `HTTP status is ${list}`,
    run(x) {
      if (x.status === 0) return fail(describeNoResponse(x), { expected });
      return expected.includes(x.status)
        ? pass(`status ${x.status}`)
        : fail(`status ${x.status}, expected ${list}`, { expected, actual: x.status, url: x.request.url });
    },
  };
}

import type { HttpExchange } from '../../engine/http.js';
import { fail, pass, type Check } from '../../engine/verdict.js';
import { describeNoResponse } from '../http/describe.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The body carries the Badge Connect `status` object: `statusCode` equal to the HTTP status and a
 * `statusText` string. `error` may be a string, null or absent (the spec's own examples send null,
 * the official schema says string: lenient per the errata).
 */
export const ensureStatusEnvelope: Check<HttpExchange> = {
  id: 'ensure-status-envelope',
  title: 'Body has a "status" object mirroring the HTTP status',
  run(x) {
    if (x.status === 0) return fail(describeNoResponse(x));
    const body = x.json();
    if (!isObject(body)) return fail('body is not a JSON object', { bodyStart: x.text.slice(0, 200) });
    const status = body.status;
    if (!isObject(status)) return fail('body has no "status" object', { keys: Object.keys(body) });
    if (status.statusCode !== x.status) {
      return fail(`"status.statusCode" is ${JSON.stringify(status.statusCode)}, expected ${x.status} (the HTTP status)`, {
        expected: x.status,
        actual: status.statusCode ?? null,
      });
    }
    if (typeof status.statusText !== 'string' || status.statusText === '') {
      return fail('"status.statusText" is missing or not a string', { actual: status.statusText ?? null });
    }
    if (status.error !== undefined && status.error !== null && typeof status.error !== 'string') {
      return fail(`"status.error" is ${typeof status.error}, expected a string or null`, { actual: status.error });
    }
    return pass(`status ${x.status} ${status.statusText}`);
  },
};

import type { HttpExchange } from '../../engine/http.js';
import { fail, pass, type Check } from '../../engine/verdict.js';
import { describeNoResponse } from './describe.js';

/** The response declares a JSON media type and its body parses as JSON. */
export const ensureJsonBody: Check<HttpExchange> = {
  id: 'ensure-json-body',
  title: 'Response body is JSON with a JSON Content-Type',
  run(x) {
    if (x.status === 0) return fail(describeNoResponse(x));
    const type = x.headers['content-type'] ?? '';
    const mediaType = type.split(';')[0]?.trim().toLowerCase() ?? '';
    const jsonType = mediaType === 'application/json' || mediaType.endsWith('+json');
    if (!jsonType) return fail(`Content-Type is "${type || '(none)'}", expected application/json`, { actual: type });
    if (x.json() === undefined) return fail('body is not valid JSON', { bodyStart: x.text.slice(0, 200) });
    return pass(`JSON body (${mediaType})`);
  },
};

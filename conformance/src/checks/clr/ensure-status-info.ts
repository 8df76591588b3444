import { getRegistry, SchemaIds } from '../../../../schemas/src/registry.js';
import type { HttpExchange } from '../../engine/http.js';
import { fail, pass, type Check } from '../../engine/verdict.js';
import { describeNoResponse } from '../http/describe.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A CLR error body is imsx_StatusInfo (the schema every CLR 1.0 error file shares) and says what an
 * error must say: imsx_codeMajor "failure" and imsx_severity "error".
 */
export const ensureStatusInfo: Check<HttpExchange> = {
  id: 'ensure-status-info',
  title: 'Error body is imsx_StatusInfo with codeMajor failure and severity error',
  run(x) {
    if (x.status === 0) return fail(describeNoResponse(x));
    const body = x.json();
    if (!isObject(body)) return fail(`the ${x.status} body is not a JSON object`, { bodyStart: x.text.slice(0, 200) });
    const schemaId = SchemaIds.clr.statusInfo;
    const result = getRegistry().validate(schemaId, body, { unknownProperties: 'allow' });
    // schemaId/schemaValid let --official-schemas compare the official file's verdict on the body with the schema's, not with codeMajor.
    if (!result.valid) {
      const first = result.errors[0];
      return fail(`the ${x.status} body is not imsx_StatusInfo: ${first ? `${first.instancePath || '/'} ${first.message}` : 'invalid'}`, {
        schemaId,
        schemaValid: false,
        keys: Object.keys(body),
        errors: result.errors.slice(0, 10),
      });
    }
    if (body.imsx_codeMajor !== 'failure') {
      return fail(`"imsx_codeMajor" is ${JSON.stringify(body.imsx_codeMajor)} on a ${x.status}, expected "failure"`, { schemaId, schemaValid: true, actual: body.imsx_codeMajor });
    }
    if (body.imsx_severity !== 'error') {
      return fail(`"imsx_severity" is ${JSON.stringify(body.imsx_severity)} on a ${x.status}, expected "error"`, { schemaId, schemaValid: true, actual: body.imsx_severity });
    }
    return pass(`imsx_StatusInfo failure/error for HTTP ${x.status}`, { schemaId, schemaValid: true });
  },
};

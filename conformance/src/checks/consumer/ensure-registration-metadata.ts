import { getRegistry, SchemaIds } from '../../../../schemas/src/registry.js';
import type { EmulatorCall } from '../../emulators/types.js';
import { fail, pass, type Check } from '../../engine/verdict.js';
import { byRoute, jsonOf } from './calls.js';

/**
 * Every registration request carries the metadata OB 2.1 requires, well typed. The auth method has its
 * own check, so its errors are left out here.
 */
export const ensureRegistrationMetadata: Check<EmulatorCall[]> = {
  id: 'ensure-registration-metadata',
  title: 'registration carries every required metadata field',
  run(calls) {
    const regs = byRoute(calls, 'register');
    if (regs.length === 0) return fail('the candidate never registered a client');
    for (const reg of regs) {
      const body = jsonOf(reg);
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return fail(`registration #${reg.seq} is not a JSON object`);
      const result = getRegistry().validate(SchemaIds.oauth.registrationRequest, body, { unknownProperties: 'allow' });
      const errors = result.errors.filter((e) => !e.instancePath.startsWith('/token_endpoint_auth_method'));
      if (errors.length > 0) {
        const missing = errors.filter((e) => e.keyword === 'required').map((e) => String(e.params.missingProperty));
        const first = errors[0]!;
        const message = missing.length > 0 ? `missing ${missing.map((m) => `"${m}"`).join(', ')}` : `${first.instancePath || '/'} ${first.message}`;
        return fail(`registration #${reg.seq}: ${message}`, { missing, errors: errors.slice(0, 10) });
      }
    }
    return pass(`${regs.length} registration request(s) carry every required field`);
  },
};

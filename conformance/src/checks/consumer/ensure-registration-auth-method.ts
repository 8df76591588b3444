import type { EmulatorCall } from '../../emulators/types.js';
import { fail, pass, type Check } from '../../engine/verdict.js';
import { byRoute, jsonOf } from './calls.js';

/** token_endpoint_auth_method is absent (default) or client_secret_basic, the only method OB 2.1 allows. */
export const ensureRegistrationAuthMethod: Check<EmulatorCall[]> = {
  id: 'ensure-registration-auth-method',
  title: 'registration asks for client_secret_basic',
  run(calls) {
    const regs = byRoute(calls, 'register');
    if (regs.length === 0) return fail('the candidate never registered a client');
    for (const reg of regs) {
      const method = (jsonOf(reg) as Record<string, unknown> | undefined)?.token_endpoint_auth_method;
      if (method !== undefined && method !== 'client_secret_basic') {
        return fail(`registration #${reg.seq} asks for token_endpoint_auth_method "${String(method)}"`, { method });
      }
    }
    return pass('client_secret_basic (explicit or by default)');
  },
};

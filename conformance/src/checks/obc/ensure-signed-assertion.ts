import { getRegistry, SchemaIds } from '../../../../schemas/src/registry.js';
import { fail, pass, type Check } from '../../engine/verdict.js';
import { decodeCompactJws } from './compact-jws.js';

/**
 * A signed assertion is a compact JWS (three base64url parts) whose header names an algorithm other
 * than "none" and whose payload is a valid OB 2.0 Assertion. The signature itself is not verified
 * here: that needs the issuer's key (ensure-signed-assertion-signature).
 */
export const ensureSignedAssertion: Check<unknown> = {
  id: 'ensure-signed-assertion',
  title: 'Signed assertion is a compact JWS of a valid OB 2.0 Assertion',
  run(value) {
    if (typeof value !== 'string') return fail(`signed assertion is ${typeof value}, expected a compact JWS string`);
    const decoded = decodeCompactJws(value);
    if (!decoded.ok) return fail(`not a compact JWS: ${decoded.error}`, { start: value.slice(0, 40) });
    const { header, payload } = decoded.jws;
    if (typeof header.alg !== 'string' || header.alg === '') return fail('JWS header has no "alg"', { header });
    if (header.alg.toLowerCase() === 'none') return fail('JWS header "alg" is "none" (unsigned)', { header });
    const result = getRegistry().validate(SchemaIds.ob20.assertion, payload, { unknownProperties: 'allow' });
    if (!result.valid) {
      const e = result.errors[0];
      return fail(`JWS payload is not a valid OB 2.0 Assertion: ${e ? `${e.instancePath || '/'} ${e.message}` : 'invalid'}`, {
        errors: result.errors.slice(0, 20),
      });
    }
    const id = (payload as { id?: unknown }).id;
    return pass(`compact JWS (${header.alg}) of assertion ${String(id)}; signature not verified by this check`);
  },
};

import { fail, pass, type Check } from '../../engine/verdict.js';
import { decodeCompactJws } from '../obc/compact-jws.js';

/**
 * A signed CLR is a compact JWS whose header names a real algorithm and whose payload is a JSON object.
 * The payload's schema and the signature are other checks (schema, verification).
 */
export const ensureCompactJws: Check<unknown> = {
  id: 'ensure-compact-jws',
  title: 'Signed record is a compact JWS with a JSON object payload',
  run(value) {
    if (typeof value !== 'string') return fail(`signed record is ${value === null ? 'null' : typeof value}, expected a compact JWS string`);
    const decoded = decodeCompactJws(value);
    if (!decoded.ok) return fail(`not a compact JWS: ${decoded.error}`, { start: value.slice(0, 40) });
    const { header, payload } = decoded.jws;
    if (typeof header.alg !== 'string' || header.alg === '') return fail('JWS header has no "alg"', { header });
    if (header.alg.toLowerCase() === 'none') return fail('JWS header "alg" is "none" (unsigned)', { header });
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return fail('JWS payload is not a JSON object');
    return pass(`compact JWS (${header.alg}); signature not verified by this check`);
  },
};

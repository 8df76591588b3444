import { fail, pass, type Check } from '../../engine/verdict.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The response body carries a `profile` object with an `id` and a `type` (SPEC21 GET/POST /profile). */
export const ensureProfile: Check<unknown> = {
  id: 'ensure-profile',
  title: 'Body has a "profile" with "id" and "type"',
  run(body) {
    if (!isObject(body)) return fail('body is not a JSON object');
    const profile = body.profile;
    if (!isObject(profile)) return fail('body has no "profile" object', { keys: Object.keys(body) });
    if (typeof profile.id !== 'string' || profile.id === '') return fail('"profile.id" is missing or not a string');
    const types = Array.isArray(profile.type) ? profile.type : [profile.type];
    if (!types.some((t) => typeof t === 'string' && t !== '')) return fail('"profile.type" is missing', { id: profile.id });
    return pass(`profile ${profile.id} (${types.join(', ')})`);
  },
};

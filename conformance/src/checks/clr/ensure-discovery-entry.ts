import { fail, pass, type Check } from '../../engine/verdict.js';

const ENDPOINTS = ['authorizationUrl', 'tokenUrl', 'registrationUrl'] as const;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The discovery document is usable by this plan: the three OAuth endpoints are absolute http(s) URLs and
 * scopesOffered lists every CLR scope the plan exercises. (Shape and types are the schema check's job.)
 */
export function ensureDiscoveryEntry(neededScopes: readonly string[]): Check<unknown> {
  return {
    id: 'ensure-discovery-entry',
    title: 'discovery names absolute OAuth endpoints and the CLR scopes this plan needs',
    run(doc) {
      if (!isObject(doc)) return fail('the discovery document is not a JSON object');
      for (const name of ENDPOINTS) {
        const value = doc[name];
        let ok = false;
        try {
          ok = typeof value === 'string' && /^https?:$/.test(new URL(value).protocol);
        } catch {
          ok = false;
        }
        if (!ok) return fail(`"${name}" is ${JSON.stringify(value ?? null)}, expected an absolute http(s) URL`, { property: name, actual: value ?? null });
      }
      const offered = Array.isArray(doc.scopesOffered) ? doc.scopesOffered : [];
      const missing = neededScopes.filter((s) => !offered.includes(s));
      if (missing.length) return fail(`"scopesOffered" lacks ${missing.join(', ')}`, { missing, offered });
      return pass(`${offered.length} scopes offered, OAuth endpoints ${ENDPOINTS.join(', ')} present`);
    },
  };
}

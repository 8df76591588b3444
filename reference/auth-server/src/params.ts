import { invalidRequest } from './errors.js';

/**
 * Reads single-valued parameters from a parsed query or form body. RFC 6749 §3.1/§3.2: parameters
 * MUST NOT be included more than once; an empty value counts as absent.
 */
export function readParams<K extends string>(
  source: unknown,
  names: readonly K[],
  onDuplicate: (name: string) => Error = (name) => invalidRequest(`parameter \`${name}\` is repeated`),
): Partial<Record<K, string>> {
  const record = (source && typeof source === 'object' ? source : {}) as Record<string, unknown>;
  const out: Partial<Record<K, string>> = {};
  for (const name of names) {
    if (!Object.hasOwn(record, name)) continue;
    const value = record[name];
    if (Array.isArray(value)) throw onDuplicate(name);
    if (typeof value === 'string' && value !== '') out[name] = value;
  }
  return out;
}

/** True when a request carried a query string (token-endpoint parameters there are refused). */
export function hasQueryString(originalUrl: string): boolean {
  const q = originalUrl.indexOf('?');
  return q !== -1 && q < originalUrl.length - 1;
}

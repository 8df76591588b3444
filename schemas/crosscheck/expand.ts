// Expanding a document with a given context loader, as canonical text, for comparing two contexts.
import jsonld from 'jsonld';
import type { documentLoader } from '../src/jsonld.js';

/** JSON with sorted keys, for comparing expansions. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Safe-mode expansion as canonical text, or `error: <jsonld event code>`. */
export async function expandWith(doc: unknown, loader: typeof documentLoader): Promise<string> {
  try {
    return canonical(await jsonld.expand(doc, { documentLoader: loader, safe: true, base: null }));
  } catch (e) {
    return `error: ${(e as { details?: { event?: { code?: string } } }).details?.event?.code ?? 'failed'}`;
  }
}

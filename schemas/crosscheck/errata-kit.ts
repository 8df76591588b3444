// Types and small predicates shared by the OB and CLR errata tables.
import type { SchemaError } from '../src/registry.js';

export interface Verdict {
  valid: boolean;
  errors: SchemaError[];
}

export interface Disagreement {
  seed: string;
  /** `original` or the mutation name (`<kind>:<pointer>`). */
  mutation: string;
  ourSchema: string;
  officialSchema: string;
  document: unknown;
  ours: Verdict;
  official: Verdict;
}

export interface Erratum {
  id: string;
  slug: string;
  summary: string;
  /** Whether an unmutated official example may hit it (otherwise only mutated documents may). */
  originals: boolean;
  /**
   * Which verdict side the erratum explains and, for one error of that side, whether it does.
   * null: documented, but it cannot show up as a verdict difference.
   */
  explains: { side: 'ours-rejects' | 'official-rejects'; error: (d: Disagreement, e: SchemaError) => boolean } | null;
}

export const missing = (e: SchemaError, name: string) => e.keyword === 'required' && e.params.missingProperty === name;

export function valueAt(doc: unknown, pointer: string): unknown {
  let node = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

export const oursRejects = (error: (d: Disagreement, e: SchemaError) => boolean) => ({ side: 'ours-rejects' as const, error });
export const officialRejects = (error: (d: Disagreement, e: SchemaError) => boolean) => ({ side: 'official-rejects' as const, error });

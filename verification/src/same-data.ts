// Comparing a presented copy with the hosted one as data: a JSON-LD object may be written in several forms.
import jsonld from 'jsonld';
import { checkJsonLd, documentLoader } from '../../schemas/src/jsonld.js';
import { canonicalJson } from './canonical.js';
import { isObject, type Json } from './result.js';

export interface DataComparison {
  /** Top-level properties (compact names) whose data differ: a real difference. */
  differing: string[];
  /** Top-level properties written differently but meaning the same (no @context, a reference for an embedded object, ...). */
  formOnly: string[];
  /** How the data were compared: JSON-LD expansion, or (when a document does not expand offline) by structure. */
  by: 'json-ld' | 'structure';
}

/** Top-level keys whose JSON differs literally (key order aside). */
function literalDiff(a: Json, b: Json): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((k) => canonicalJson(a[k]) !== canonicalJson(b[k]));
}

/**
 * Compares `presented` with `hosted` as data. An embedded copy may leave out `@context` (it inherits its
 * container's; here the hosted copy's), and may give a linked object (badge, issuer, ...) by IRI where the
 * other embeds it, or the reverse: a node with an id is the same node when the ids agree (and, embedded in
 * both, what both say of it agrees). Objects without an id (recipient, verification, ...) and values are
 * compared in full; arrays as sets, as JSON-LD reads them.
 */
export async function compareAsData(presented: Json, hosted: Json): Promise<DataComparison> {
  const literal = literalDiff(presented, hosted);
  if (literal.length === 0) return { differing: [], formOnly: [], by: 'json-ld' };
  const context = hosted['@context'] ?? presented['@context'];
  const expanded = await expandBoth(presented, hosted, context);
  if (expanded) {
    const differingIris = diffNodes(expanded[0], expanded[1]);
    const differing = await compactNames(differingIris, expanded, context);
    return { differing, formOnly: literal.filter((k) => !differing.includes(k)), by: 'json-ld' };
  }
  const differing = literal.filter((k) => k !== '@context' && !sameStructure(presented[k], hosted[k]));
  return { differing, formOnly: literal.filter((k) => !differing.includes(k)), by: 'structure' };
}

/** Both documents expanded (safe mode, offline contexts) to one top node each; undefined when either cannot be. */
async function expandBoth(presented: Json, hosted: Json, context: unknown): Promise<[Json, Json] | undefined> {
  if (context === undefined) return undefined;
  const expand = async (doc: Json) => {
    const out = await checkJsonLd({ ...doc, '@context': doc['@context'] ?? context });
    return out.ok && out.expanded.length === 1 && isObject(out.expanded[0]) ? out.expanded[0] : undefined;
  };
  const [a, b] = await Promise.all([expand(presented), expand(hosted)]);
  return a && b ? [a, b] : undefined;
}

/** Expanded property IRIs (and @id, @type) whose values differ. */
function diffNodes(a: Json, b: Json): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((k) => !sameExpanded(a[k], b[k]));
}

const asList = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function sameExpanded(a: unknown, b: unknown): boolean {
  if (isObject(a) && isObject(b)) {
    if ('@list' in a || '@list' in b) {
      const la = asList(a['@list']);
      const lb = asList(b['@list']);
      return la.length === lb.length && la.every((x, i) => sameExpanded(x, lb[i]));
    }
    // A node with an id is identified by it, whether given as a reference or embedded. Embedded on both
    // sides, what both copies say of it must agree (one may give fewer of its properties).
    if (typeof a['@id'] === 'string' && typeof b['@id'] === 'string' && !('@value' in a)) {
      return a['@id'] === b['@id'] && sharedKeys(a, b).every((k) => sameExpanded(a[k], b[k]));
    }
    return diffNodes(a, b).length === 0;
  }
  if (Array.isArray(a) || Array.isArray(b)) return sameSet(asList(a), asList(b), sameExpanded);
  return canonicalJson(a) === canonicalJson(b);
}

/** The properties both nodes give, other than their id. */
const sharedKeys = (a: Json, b: Json): string[] => Object.keys(a).filter((k) => k !== '@id' && k !== 'id' && k in b);

/** Same members regardless of order, each matched once. */
function sameSet(a: unknown[], b: unknown[], same: (x: unknown, y: unknown) => boolean): boolean {
  if (a.length !== b.length) return false;
  const left = [...b];
  return a.every((x) => {
    const i = left.findIndex((y) => same(x, y));
    if (i < 0) return false;
    left.splice(i, 1);
    return true;
  });
}

/** Compact names for the differing IRIs, read off the hosted copy's context; the IRI itself when it has none. */
async function compactNames(iris: string[], expanded: [Json, Json], context: unknown): Promise<string[]> {
  const names: string[] = [];
  for (const iri of iris) {
    if (iri === '@id') names.push('id');
    else if (iri === '@type') names.push('type');
    else {
      const value = expanded[1][iri] ?? expanded[0][iri];
      try {
        const compacted = await jsonld.compact({ [iri]: value }, context, { documentLoader });
        names.push(Object.keys(compacted).find((k) => k !== '@context') ?? iri);
      } catch {
        names.push(iri);
      }
    }
  }
  return [...new Set(names)].sort();
}

/** Fallback without JSON-LD: @context ignored anywhere, an IRI equals an object with that id, arrays as sets. */
function sameStructure(a: unknown, b: unknown): boolean {
  const idOf = (v: unknown) => (typeof v === 'string' ? v : isObject(v) && typeof v['id'] === 'string' ? v['id'] : undefined);
  if ((typeof a === 'string' && isObject(b)) || (isObject(a) && typeof b === 'string')) return idOf(a) !== undefined && idOf(a) === idOf(b);
  if (isObject(a) && isObject(b) && idOf(a) && idOf(b)) {
    return idOf(a) === idOf(b) && sharedKeys(a, b).filter((k) => k !== '@context').every((k) => sameStructure(a[k], b[k]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => k !== '@context');
    return keys.every((k) => sameStructure(a[k], b[k]));
  }
  if (Array.isArray(a) || Array.isArray(b)) return sameSet(asList(a), asList(b), sameStructure);
  return canonicalJson(a) === canonicalJson(b);
}

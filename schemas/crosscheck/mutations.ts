// Named single-field mutations of a JSON document. Each mutation changes exactly one thing and is named
// `<kind>:<JSON pointer>` so a disagreement points straight at the field involved.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Mutation {
  name: string;
  kind: 'delete' | 'retype' | 'null' | 'bad-format' | 'bad-enum' | 'extra-property' | 'extra-extension';
  pointer: string;
  document: Json;
}

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Property names whose values come from a closed set somewhere in our schemas or the official ones. */
const ENUM_KEYS = new Set([
  'statusText', 'token_endpoint_auth_method', 'grant_types', 'response_types', 'type',
  // CLR 1.0 enumerations
  'achievementType', 'resultType', 'targetType', 'associationType', 'identifierType', 'status',
  'imsx_codeMajor', 'imsx_severity', 'imsx_codeMinorFieldValue',
]);

const BAD_FORMATS: [RegExp, string][] = [
  [/^\d{4}-\d{2}-\d{2}T/, '2016-12-31 23:59'],
  [/^(md5|sha256)\$/i, 'sha256$not-a-hash'],
  [/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'not-an-email'],
  [/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'not a compact jws'],
  [/^v\d+p\d+$/, 'version two'],
  [/^(https?|urn|data):/i, 'not a uri'],
];

function otherType(value: Json): Json {
  if (typeof value === 'string') return 42;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return String(value);
  if (value === null) return 0;
  if (Array.isArray(value)) return {};
  return 'an object was expected here';
}

function badFormat(value: Json): Json | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return 2 ** 31; // one past int32
  if (typeof value !== 'string') return undefined;
  return BAD_FORMATS.find(([test]) => test.test(value))?.[1];
}

/** Returns a deep copy of `root` with `edit` applied to the container holding `path`'s last step. */
function edit(root: Json, path: (string | number)[], apply: (parent: Record<string, Json> | Json[], key: string | number) => void): Json {
  const copy = structuredClone(root);
  let node: Json = copy;
  for (const step of path.slice(0, -1)) node = (node as Record<string, Json>)[step as string] as Json;
  apply(node as Record<string, Json> | Json[], path[path.length - 1]!);
  return copy;
}

/** Every named single-field mutation of `doc`. */
export function mutations(doc: Json): Mutation[] {
  const out: Mutation[] = [];
  const visit = (value: Json, path: (string | number)[], key: string | undefined) => {
    const pointer = path.map((p) => escape(String(p))).join('/');
    const ptr = pointer ? `/${pointer}` : '';
    const add = (kind: Mutation['kind'], document: Json) => out.push({ name: `${kind}:${ptr || '/'}`, kind, pointer: ptr, document });
    const set = (replacement: Json) => edit(doc, path, (parent, k) => ((parent as Record<string, Json>)[k as string] = replacement));

    if (path.length > 0) {
      if (typeof path[path.length - 1] === 'string') {
        add('delete', edit(doc, path, (parent, k) => delete (parent as Record<string, Json>)[k as string]));
      }
      add('retype', set(otherType(value)));
      if (value !== null) add('null', set(null));
      const bad = badFormat(value);
      if (bad !== undefined) add('bad-format', set(bad));
      if (key !== undefined && ENUM_KEYS.has(key) && typeof value === 'string') add('bad-enum', set('NOT_AN_ALLOWED_VALUE'));
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i], key));
    } else if (value !== null && typeof value === 'object') {
      const addKey = (kind: Mutation['kind'], name: string, v: Json) =>
        add(kind, path.length === 0 ? { ...value, [name]: v } : set({ ...value, [name]: v }));
      addKey('extra-property', 'unexpectedProperty', 'unexpected');
      addKey('extra-extension', 'extensions:mutationProbe', { type: ['Extension', 'extensions:MutationProbe'], note: 'x' });
      for (const [k, v] of Object.entries(value)) visit(v, [...path, k], k);
    }
  };
  visit(doc, [], undefined);
  return out;
}

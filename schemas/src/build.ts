// Small helpers that keep the schema modules short. Output is plain JSON Schema 2020-12.
import { OB20_COMMON_ID } from './ids.js';

export type Schema = Record<string, unknown>;

export const DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** `$ref` to a definition in the shared OB 2.0 common schema. */
export const common = (def: string): Schema => ({ $ref: `${OB20_COMMON_ID}#/$defs/${def}` });

export const ref = (id: string, fragment = ''): Schema => ({ $ref: fragment ? `${id}#${fragment}` : id });

/** JSON-LD allows one value or an array of values for most OB 2.0 properties. */
export const oneOrMany = (item: Schema): Schema => ({
  anyOf: [item, { type: 'array', minItems: 1, items: item }],
});

/** An IRI pointing at a node, or the node embedded. */
export const iriOr = (embedded: Schema, iriDef = 'iri'): Schema => ({ anyOf: [common(iriDef), embedded] });

export const OBI = 'https://w3id.org/openbadges#';

/**
 * JSON-LD `type`: a single name or an array that contains one of the names. Compact (`obi:X`) and
 * expanded IRIs are accepted because JSON-LD processors may emit them.
 */
export function jsonLdType(names: string[]): Schema {
  return {
    anyOf: [
      { type: 'string', enum: names },
      { type: 'array', minItems: 1, items: { type: 'string' }, contains: { enum: names } },
    ],
  };
}

/** Names for an OB 2.0 class term: the term, `obi:` compact form and full IRI. */
export const obClass = (term: string, ...aliases: string[]): string[] => [term, ...aliases, `obi:${term}`, `${OBI}${term}`];

/**
 * An OB 2.0 JSON-LD object: closed to unknown plain terms (undefined in the OB 2.0 context) but open to
 * IRI-named properties, which is how OB 2.0 extensions are attached (erratum E4: any JSON value).
 */
export function ldObject(spec: { id: string; title: string; comment?: string; properties: Schema; required?: string[]; extra?: Schema }): Schema {
  return {
    $schema: DIALECT,
    $id: spec.id,
    title: spec.title,
    ...(spec.comment ? { $comment: spec.comment } : {}),
    type: 'object',
    properties: { '@context': common('context'), ...spec.properties },
    ...(spec.required ? { required: spec.required } : {}),
    patternProperties: { [EXTENSION_KEY]: true },
    additionalProperties: false,
    ...spec.extra,
  };
}

/** Keys that are compact IRIs (`prefix:name`) or absolute IRIs; plain terms have no colon. */
export const EXTENSION_KEY = '^[A-Za-z_][A-Za-z0-9_.+-]*:[^\\s]+$';

/**
 * `required` for a branch of anyOf/oneOf. The properties are repeated (as `true`) because Ajv's
 * strictRequired checks each branch on its own, before the parent's `properties` are seen.
 */
export const requires = (...names: string[]): Schema => ({
  type: 'object',
  properties: Object.fromEntries(names.map((n) => [n, true])),
  required: names,
});

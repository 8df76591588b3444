import { getRegistry } from '../../../../schemas/src/registry.js';
import { fail, pass, skip, type Check } from '../../engine/verdict.js';

const MAX_ERRORS_IN_EVIDENCE = 20;

/**
 * The document matches one of our schemas. Unknown properties are allowed here: extension fields are a
 * separate, milder check (ensure-no-unknown-properties), so a sender is failed only for what it got wrong.
 */
export function ensureSchemaValid(schemaId: string, what: string): Check<unknown> {
  return {
    id: 'ensure-schema-valid',
    title: `${what} matches its schema`,
    run(doc) {
      const result = getRegistry().validate(schemaId, doc, { unknownProperties: 'allow' });
      if (result.valid) return pass(`${what} is valid`, { schemaId });
      const first = result.errors[0];
      const where = first ? `${first.instancePath || '/'} ${first.message}` : 'invalid';
      return fail(`${what} does not match its schema: ${where}${result.errors.length > 1 ? ` (+${result.errors.length - 1} more)` : ''}`, {
        schemaId,
        errors: result.errors.slice(0, MAX_ERRORS_IN_EVIDENCE),
      });
    },
  };
}

/** No properties beyond the specification's (1EdTech certification forbids extension fields in payloads). */
export function ensureNoUnknownProperties(schemaId: string, what: string): Check<unknown> {
  return {
    id: 'ensure-no-unknown-properties',
    title: `${what} has no properties outside the specification`,
    run(doc) {
      const lenient = getRegistry().validate(schemaId, doc, { unknownProperties: 'allow' });
      // Not run, so not a pass: the schema check already reports this document.
      if (!lenient.valid) return skip('not judged: the document does not match its schema (reported by the schema check)');
      const strict = getRegistry().validate(schemaId, doc, { unknownProperties: 'reject' });
      if (strict.valid) return pass(`${what} has only specified properties`);
      const extra = strict.errors
        .filter((e) => e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties')
        .map((e) => `${e.instancePath}/${String(e.params.additionalProperty ?? e.params.unevaluatedProperty ?? '?')}`);
      return fail(`${what} has properties outside the specification: ${extra.slice(0, 5).join(', ')}`, {
        schemaId,
        properties: extra,
      });
    },
  };
}

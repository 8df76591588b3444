import { clrBinding } from '../../../../schemas/src/clr-binding.js';
import { getRegistry } from '../../../../schemas/src/registry.js';
import { fail, pass, type Check } from '../../engine/verdict.js';

const MAX_ERRORS = 20;

/**
 * A Clr or ClrSet matches its schema (unknown properties allowed: extensions are a separate warning).
 * Our schemas accept both JSON bindings; the verdict says which one the document follows.
 */
export function ensureClrSchema(schemaId: string, what: string): Check<unknown> {
  return {
    id: 'ensure-clr-schema',
    title: `${what} matches its CLR 1.0 schema`,
    run(doc) {
      const result = getRegistry().validate(schemaId, doc, { unknownProperties: 'allow' });
      const binding = clrBinding(doc);
      if (result.valid) return pass(`${what} is valid (binding: ${binding})`, { schemaId, binding });
      const first = result.errors[0];
      const where = first ? `${first.instancePath || '/'} ${first.message}` : 'invalid';
      return fail(`${what} does not match its schema: ${where}${result.errors.length > 1 ? ` (+${result.errors.length - 1} more)` : ''}`, {
        schemaId,
        binding,
        errors: result.errors.slice(0, MAX_ERRORS),
      });
    },
  };
}

import type { SchemaError } from '../../../../schemas/src/registry.js';

/** Short human-readable summary of schema errors for the envelope's `error` (first three). */
export function formatSchemaErrors(list: readonly SchemaError[]): string {
  const shown = list.slice(0, 3).map((e) => {
    const where = e.instancePath || '(body)';
    const extra = typeof e.params.additionalProperty === 'string' ? ` '${e.params.additionalProperty}'` : '';
    return `${where} ${e.message}${extra}`;
  });
  const more = list.length > 3 ? ` (and ${list.length - 3} more)` : '';
  return shown.join('; ') + more;
}

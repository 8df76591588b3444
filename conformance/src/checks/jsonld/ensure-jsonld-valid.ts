import { checkJsonLd } from '../../../../schemas/src/jsonld.js';
import { fail, pass, type Check } from '../../engine/verdict.js';

/** The document expands as JSON-LD with every term defined (offline: only bundled contexts). */
export function ensureJsonLdValid(what: string): Check<unknown> {
  return {
    id: 'ensure-jsonld-valid',
    title: `${what} is valid JSON-LD with every term defined`,
    async run(doc) {
      const result = await checkJsonLd(doc);
      return result.ok
        ? pass(`${what} expands as JSON-LD`)
        : fail(`${what} is not valid JSON-LD: ${result.message}`, { code: result.code });
    },
  };
}

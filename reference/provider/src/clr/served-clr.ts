import { corruptSignature } from '../badges/jws.js';
import type { ProviderContext } from '../context.js';
import type { StoredClr } from '../store/clrs.js';

/**
 * A stored unsigned Clr as GET /clrs lists it and GET /clrs/{id} serves it. The faults here change
 * both copies alike (only for unsigned seed records, including ones a POST replaced), so the listed and hosted
 * copies still agree and each fault breaks just the rule it names.
 */
export function servedClr(ctx: ProviderContext, record: StoredClr): Record<string, unknown> {
  const doc = structuredClone(record.json);
  if (!record.seeded || record.jws) return doc;
  const { faults } = ctx;
  // Schema-valid, but a relative @type (an undefined term) fails safe-mode JSON-LD expansion.
  if (faults.has('clr-invalid-jsonld')) doc.type = 'UndefinedClrType';
  // Still resolves (getClr ignores the query), but is not of the form {clrs}/{id}.
  if (faults.has('clr-id-not-getclr-url')) doc.id = `${record.clrId}?version=1`;
  if (faults.has('clr-embedded-assertion-tampered') && Array.isArray(doc.signedAssertions)) {
    doc.signedAssertions = doc.signedAssertions.map((jws, i) => (i === 0 && typeof jws === 'string' ? corruptSignature(jws) : jws));
  }
  return doc;
}

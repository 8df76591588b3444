import { fail, pass, type Check } from '../../engine/verdict.js';

/**
 * The document does not declare itself revoked. A revoked object may be reduced to a stub (id, revoked,
 * revocationReason), which is judged by this check alone: the stub is valid as a stub, and void as a badge.
 */
export const ensureNotRevoked: Check<{ doc: Record<string, unknown>; what: string }> = {
  id: 'ensure-not-revoked',
  title: 'The document is not revoked',
  run({ doc, what }) {
    if (doc.revoked !== true) return pass(`${what} is not marked revoked`);
    const reason = typeof doc.revocationReason === 'string' ? `: ${doc.revocationReason}` : '';
    return fail(`revocation.revoked: ${what} ${String(doc.id ?? '')} says revoked: true${reason}`, { id: doc.id ?? null, reason: doc.revocationReason ?? null });
  },
};

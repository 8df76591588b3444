import { decodeCompactJws } from '../../../checks/obc/compact-jws.js';
import type { ListedRecord } from '../../../checks/obc/ensure-no-duplicate-assertions.js';

/** One entry of a GET /assertions body, unsigned or signed (then decoded, not verified). */
export interface ListedAssertion extends ListedRecord {
  kind: 'assertion' | 'signed';
  /** The assertion object (for a signed one, the JWS payload when it decodes). */
  doc: unknown;
  /** The compact JWS, for a signed one. */
  jws?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The records of one page, in the order listed: unsigned first, then signed. */
export function listedAssertions(body: unknown, where: string): ListedAssertion[] {
  if (!isObject(body)) return [];
  const out: ListedAssertion[] = [];
  const unsigned = Array.isArray(body.assertions) ? body.assertions : [];
  unsigned.forEach((doc, i) => {
    const id = isObject(doc) && typeof doc.id === 'string' ? doc.id : `(no id: ${where} assertions[${i}])`;
    out.push({ id, where: `${where} assertions[${i}]`, kind: 'assertion', doc });
  });
  const signed = Array.isArray(body.signedAssertions) ? body.signedAssertions : [];
  signed.forEach((jws, i) => {
    const decoded = typeof jws === 'string' ? decodeCompactJws(jws) : undefined;
    const doc = decoded?.ok ? decoded.jws.payload : undefined;
    const id = isObject(doc) && typeof doc.id === 'string' ? doc.id : `(undecodable: ${where} signedAssertions[${i}])`;
    out.push({ id, where: `${where} signedAssertions[${i}]`, kind: 'signed', doc, ...(typeof jws === 'string' ? { jws } : {}) });
  });
  return out;
}

export const idsOf = (records: ListedAssertion[]): string[] => records.map((r) => r.id);

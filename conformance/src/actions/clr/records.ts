import { decodeCompactJws } from '../../checks/obc/compact-jws.js';
import type { ListedRecord } from '../../checks/obc/ensure-no-duplicate-assertions.js';

/** One entry of a ClrSet: an unsigned Clr, or a signed one (decoded, not verified). */
export interface ListedClr extends ListedRecord {
  kind: 'clr' | 'signed';
  /** The Clr object (for a signed one, the JWS payload when it decodes). */
  doc: unknown;
  jws?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The records of one ClrSet, in the order listed: clrs first, then signedClrs. */
export function listedClrs(body: unknown, where: string): ListedClr[] {
  if (!isObject(body)) return [];
  const out: ListedClr[] = [];
  (Array.isArray(body.clrs) ? body.clrs : []).forEach((doc, i) => {
    const id = isObject(doc) && typeof doc.id === 'string' ? doc.id : `(no id: ${where} clrs[${i}])`;
    out.push({ id, where: `${where} clrs[${i}]`, kind: 'clr', doc });
  });
  (Array.isArray(body.signedClrs) ? body.signedClrs : []).forEach((jws, i) => {
    const decoded = typeof jws === 'string' ? decodeCompactJws(jws) : undefined;
    const doc = decoded?.ok ? decoded.jws.payload : undefined;
    const id = isObject(doc) && typeof doc.id === 'string' ? doc.id : `(undecodable: ${where} signedClrs[${i}])`;
    out.push({ id, where: `${where} signedClrs[${i}]`, kind: 'signed', doc, ...(typeof jws === 'string' ? { jws } : {}) });
  });
  return out;
}

/** The learner's email of the first listed CLR that has one (the recipient for CLRs the suite posts). */
export function learnerEmailOf(records: ListedClr[]): string | undefined {
  for (const r of records) {
    const learner = isObject(r.doc) ? r.doc.learner : undefined;
    const email = isObject(learner) ? learner.email : undefined;
    if (typeof email === 'string' && email.includes('@')) return email;
  }
  return undefined;
}

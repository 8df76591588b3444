// Loading the assertions a vendor gives the Badge Connect Write plan to post (--post-assertion, "postAssertions").
import { readFileSync } from 'node:fs';
import type { SuppliedAssertion } from '../engine/config.js';
import { UsageError } from '../engine/errors.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** The payload of a compact JWS when it is a JSON object. */
function jwsPayload(jws: string): Record<string, unknown> | undefined {
  if (!COMPACT_JWS.test(jws)) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return isObject(payload) ? payload : undefined;
  } catch {
    return undefined;
  }
}

/** Why `doc` is not an OB 2.0 Assertion by its type (a BadgeClass or Profile given by mistake), or undefined. */
function notAnAssertion(doc: Record<string, unknown>): string | undefined {
  const types = (Array.isArray(doc.type) ? doc.type : [doc.type]).filter((t): t is string => typeof t === 'string');
  if (types.length === 0) return 'has no "type": give an Open Badges 2.0 Assertion';
  const ok = types.some((t) => t === 'Assertion' || t === 'https://w3id.org/openbadges#Assertion' || t === 'obi:Assertion');
  return ok ? undefined : `is a ${types.join(', ')}, not an Assertion: give an Open Badges 2.0 Assertion to post`;
}

/** The supplied assertion, or why its document is not one. */
function supplied(source: string, doc: Record<string, unknown>, payload: SuppliedAssertion['payload'], noId: string): SuppliedAssertion | string {
  if (typeof doc.id !== 'string') return noId;
  return notAnAssertion(doc) ?? { source, id: doc.id, doc, payload };
}

/**
 * One file's assertion: an Assertion Payload ({assertion} or {signedAssertion}; the signed one wins, as in
 * OB 2.1), a bare OB 2.0 Assertion, or a compact JWS. Returns the reason when it is none of these.
 */
export function parseSuppliedAssertion(text: string, source: string): SuppliedAssertion | string {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
    const doc = jwsPayload(trimmed);
    if (!doc) return 'is neither JSON nor a compact JWS whose payload is a JSON object';
    return supplied(source, doc, { signedAssertion: trimmed }, 'holds a JWS whose payload has no string "id"');
  }
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (err) {
    return `is not valid JSON (${(err as Error).message})`;
  }
  if (!isObject(value)) return 'must hold a JSON object';
  if (typeof value.signedAssertion === 'string') {
    const doc = jwsPayload(value.signedAssertion.trim());
    if (!doc) return 'has a "signedAssertion" that is not a compact JWS with a JSON object payload';
    return supplied(source, doc, { signedAssertion: value.signedAssertion.trim() }, 'has a "signedAssertion" whose payload has no string "id"');
  }
  const doc = 'assertion' in value ? value.assertion : value;
  if (!isObject(doc)) return 'has an "assertion" that is not an object';
  return supplied(source, doc, { assertion: doc }, 'holds an assertion without a string "id"');
}

/** Reads and parses each file; an unreadable or unusable one is a UsageError naming it. */
export function loadSuppliedAssertions(paths: readonly string[], where: string): SuppliedAssertion[] {
  return paths.map((path) => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new UsageError('post-assertion-unreadable', `${where} ${path}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const parsed = parseSuppliedAssertion(text, path);
    if (typeof parsed === 'string') throw new UsageError('post-assertion-invalid', `${where} ${path} ${parsed}`);
    return parsed;
  });
}

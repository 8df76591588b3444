import { decodeCompactJws } from '../../checks/obc/compact-jws.js';

/** What `conformance validate` can check. */
export const DOCUMENT_KINDS = ['clr', 'clr-set', 'assertion', 'manifest', 'clr-discovery'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A document as read: JSON (any value), a compact JWS, or text that is neither. */
export type ParsedDocument =
  | { form: 'json'; value: unknown }
  | { form: 'jws'; compact: string; payload: unknown }
  | { form: 'unparsable'; text: string; reason: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

export function parseDocument(text: string): ParsedDocument {
  const trimmed = text.trim();
  if (/^[[{]/.test(trimmed)) {
    try {
      return { form: 'json', value: JSON.parse(trimmed) as unknown };
    } catch (err) {
      return { form: 'unparsable', text: trimmed, reason: `not valid JSON: ${(err as Error).message}` };
    }
  }
  const decoded = decodeCompactJws(trimmed);
  if (decoded.ok) return { form: 'jws', compact: trimmed, payload: decoded.jws.payload };
  return { form: 'unparsable', text: trimmed, reason: `neither JSON nor a compact JWS (${decoded.error})` };
}

const mentions = (context: unknown, needle: RegExp) => asList(context).some((c) => typeof c === 'string' && needle.test(c));
const CLR_CONTEXT = /\/spec\/clr\/v1p0\//;
const OB_CONTEXT = /openbadges|\/spec\/ob\/v2p[01]\/|openbadgespec\.org/;

/** The kind a document looks like, by @context, type and shape; undefined when it matches none. */
export function detectKind(doc: ParsedDocument): DocumentKind | undefined {
  if (doc.form === 'unparsable') return undefined;
  const value = doc.form === 'jws' ? doc.payload : doc.value;
  if (!isObject(value)) return undefined;
  const types = asList(value.type).filter((t): t is string => typeof t === 'string');
  const context = value['@context'];
  if (doc.form === 'json' && Array.isArray(value.badgeConnectAPI)) return 'manifest';
  if (doc.form === 'json' && (types.includes('ClrSet') || 'clrs' in value || 'signedClrs' in value)) return 'clr-set';
  if (types.includes('Clr') || (mentions(context, CLR_CONTEXT) && 'learner' in value && 'publisher' in value)) return 'clr';
  if (doc.form === 'json' && 'scopesOffered' in value && 'registrationUrl' in value && !('badgeConnectAPI' in value)) return 'clr-discovery';
  if (types.includes('Assertion') || (mentions(context, OB_CONTEXT) && 'recipient' in value && 'badge' in value)) return 'assertion';
  return undefined;
}

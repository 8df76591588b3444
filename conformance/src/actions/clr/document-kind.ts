import { decodeCompactJws } from '../../checks/obc/compact-jws.js';

/** What `conformance validate` can check. */
export const DOCUMENT_KINDS = [
  'clr',
  'clr-set',
  'assertion',
  'badgeclass',
  'issuer',
  'endorsement',
  'revocation-list',
  'cryptographic-key',
  'manifest',
  'clr-discovery',
] as const;
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
const OBI = 'https://w3id.org/openbadges#';

/** OB 2.0 classes other than Assertion, by type name (compact `obi:` and full IRIs count too). */
const OB_CLASSES: [string, DocumentKind][] = [
  ['BadgeClass', 'badgeclass'],
  ['Issuer', 'issuer'],
  ['Profile', 'issuer'],
  ['Endorsement', 'endorsement'],
  ['RevocationList', 'revocation-list'],
  ['CryptographicKey', 'cryptographic-key'],
];
const bareType = (t: string) => (t.startsWith('obi:') ? t.slice(4) : t.startsWith(OBI) ? t.slice(OBI.length) : t);

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
  const bare = types.map(bareType);
  if (bare.includes('Assertion') || (mentions(context, OB_CONTEXT) && 'recipient' in value && 'badge' in value)) return 'assertion';
  // CLR 1.0 has classes of the same names; a CLR document is judged only as a Clr or ClrSet.
  if (mentions(context, CLR_CONTEXT)) return undefined;
  return OB_CLASSES.find(([name]) => bare.includes(name))?.[1];
}

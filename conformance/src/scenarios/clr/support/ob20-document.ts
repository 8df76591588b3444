// The checks of an OB 2.0 document given to `conformance validate` on its own: schema, JSON-LD,
// extensions, the verification of what it points at, and the reference validator's warnings.
import {
  verifyAssertion,
  verifyBadgeClass,
  verifyBadgeOf,
  verifyCryptographicKey,
  verifyEndorsement,
  verifyProfile,
  verifyRevocationList,
  type VerificationResult,
  type VerifyOptions,
} from '../../../../../verification/src/index.js';
import { SchemaIds } from '../../../../../schemas/src/registry.js';
import type { BakedBadge } from '../../../actions/ob20/baked-badge.js';
import type { DocumentKind, ParsedDocument } from '../../../actions/clr/document-kind.js';
import { ensureJsonLdValid } from '../../../checks/jsonld/ensure-jsonld-valid.js';
import { ensureBakedBadge } from '../../../checks/ob20/ensure-baked-badge.js';
import { ensureExtensionsValid, extensionNodes } from '../../../checks/ob20/ensure-extensions-valid.js';
import { ensureHttpIssuerId } from '../../../checks/ob20/ensure-http-issuer-id.js';
import { ensureNotRedirected } from '../../../checks/ob20/ensure-not-redirected.js';
import { ensureNotRevoked } from '../../../checks/ob20/ensure-not-revoked.js';
import { ensureSchemaValid } from '../../../checks/schema/ensure-schema-valid.js';
import type { ScenarioContext } from '../../../engine/context.js';
import { reportVerification } from './verify.js';

export type ObKind = 'assertion' | 'badgeclass' | 'issuer' | 'endorsement' | 'revocation-list' | 'cryptographic-key';
export const OB_KINDS: readonly ObKind[] = ['assertion', 'badgeclass', 'issuer', 'endorsement', 'revocation-list', 'cryptographic-key'];
export const isObKind = (kind: DocumentKind): kind is ObKind => (OB_KINDS as readonly string[]).includes(kind);

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const idOf = (v: unknown): unknown => (isObject(v) ? v.id : v);

const ISSUER_TYPES = ['Issuer', 'obi:Issuer', 'https://w3id.org/openbadges#Issuer'];
function actsAsIssuer(doc: unknown): boolean {
  if (!isObject(doc)) return true;
  const types = Array.isArray(doc.type) ? doc.type : [doc.type];
  return types.some((t) => ISSUER_TYPES.includes(t as string)) || ['publicKey', 'revocationList', 'verification'].some((k) => k in doc);
}

const METHOD: Record<VerificationResult['method'], string[]> = {
  signed: ['OB20-SignedBadge'],
  hosted: ['OB20-HostedBadge'],
  none: ['OB20-SignedBadge', 'OB20-HostedBadge'],
};

interface KindSpec {
  what: string;
  /** The schema the document is judged with (it may depend on the document). */
  schemaId: string | ((doc: unknown) => string);
  /** The requirement of the class itself (schema and class-specific verification). */
  requirement: string;
  /** Where the issuer's id sits (for the http(s) warning). */
  issuerId(doc: Json): unknown;
  verify(input: string | Json, verify: VerifyOptions): Promise<VerificationResult>;
  /** Requirements of the verification steps. */
  verifyRequirements(result: VerificationResult): string[];
}

export const OB_SPECS: Record<ObKind, KindSpec> = {
  assertion: {
    what: 'Assertion',
    schemaId: SchemaIds.ob20.assertion,
    requirement: 'OB20-Assertion',
    issuerId: (doc) => (isObject(doc.badge) ? idOf(doc.badge.issuer) : undefined),
    verify: (input, verify) => verifyAssertion(input, verify),
    verifyRequirements: (r) => METHOD[r.method],
  },
  badgeclass: {
    what: 'BadgeClass',
    schemaId: SchemaIds.ob20.badgeClass,
    requirement: 'OB20-BadgeClass',
    issuerId: (doc) => idOf(doc.issuer),
    verify: (input, verify) => verifyBadgeClass(input as Json, verify),
    verifyRequirements: () => ['OB20-BadgeClass'],
  },
  issuer: {
    what: 'Issuer profile',
    // A Profile that says it issues (type Issuer, keys, a revocation list or a policy) needs name, url and
    // email; one that does not may be a recipient's profile, which needs only id and type.
    schemaId: (doc) => (actsAsIssuer(doc) ? SchemaIds.ob20.issuer : SchemaIds.ob20.profile),
    requirement: 'OB20-Issuer',
    issuerId: (doc) => doc.id,
    verify: (input, verify) => verifyProfile(input as Json, verify),
    verifyRequirements: () => ['OB20-Issuer', 'OB20-CryptographicKey', 'OB20-RevocationList'],
  },
  endorsement: {
    what: 'Endorsement',
    schemaId: SchemaIds.ob20.endorsement,
    requirement: 'OB20-Endorsement',
    issuerId: (doc) => idOf(doc.issuer),
    verify: (input, verify) => verifyEndorsement(input, verify),
    verifyRequirements: (r) => ['OB20-Endorsement', ...METHOD[r.method]],
  },
  'revocation-list': {
    what: 'RevocationList',
    schemaId: SchemaIds.ob20.revocationList,
    requirement: 'OB20-RevocationList',
    issuerId: (doc) => idOf(doc.issuer),
    verify: (input, verify) => verifyRevocationList(input as Json, verify),
    verifyRequirements: () => ['OB20-RevocationList', 'OB20-Issuer'],
  },
  'cryptographic-key': {
    what: 'CryptographicKey',
    schemaId: SchemaIds.ob20.cryptographicKey,
    requirement: 'OB20-CryptographicKey',
    issuerId: (doc) => doc.owner,
    verify: (input, verify) => verifyCryptographicKey(input as Json, verify),
    verifyRequirements: () => ['OB20-CryptographicKey', 'OB20-Issuer'],
  },
};

export const obRequirements = (kind: ObKind): string[] => [
  OB_SPECS[kind].requirement,
  ...(kind === 'issuer' ? ['OB20-Profile'] : []),
  'OB20-JSON-LD',
  'OB20-Extension',
  'OB20-ISSUER-HTTP-ID',
  'OB20-NO-REDIRECT',
  ...(kind === 'assertion' || kind === 'endorsement' ? ['OB20-SignedBadge', 'OB20-HostedBadge'] : []),
  ...(kind === 'assertion' ? ['OB20-BAKING-PNG', 'OB20-BAKING-SVG', 'OB20-BadgeClass'] : []),
  ...(kind === 'issuer' ? ['OB20-CryptographicKey', 'OB20-RevocationList'] : []),
  ...(kind === 'revocation-list' || kind === 'cryptographic-key' ? ['OB20-Issuer'] : []),
];

export interface ObInput {
  source: string;
  kind: ObKind;
  doc: ParsedDocument;
  /** The URL the document was read from and the one that answered (a redirect shows as a difference). */
  served?: { requested: string; served: string };
  baked?: BakedBadge;
}

/** The requested and served URLs of every hosted fetch that ended somewhere else. */
function redirectedFetches(result: VerificationResult): { requested: string; served: string }[] {
  return result.steps
    .filter((s) => s.code === 'hosted.fetch-failed' && s.outcome === 'pass')
    .map((s) => ({ requested: String(s.evidence?.id ?? ''), served: String(s.evidence?.url ?? '') }))
    .filter((r) => r.requested && r.served && r.requested !== r.served);
}

export async function checkObDocument(ctx: ScenarioContext, input: ObInput, verify: VerifyOptions, schemaOnly: boolean): Promise<void> {
  const spec = OB_SPECS[input.kind];
  const { doc } = input;
  const value = doc.form === 'jws' ? doc.payload : doc.form === 'json' ? doc.value : undefined;
  if (input.baked) await ctx.mustContinue(ensureBakedBadge, input.baked, [input.baked.format === 'png' ? 'OB20-BAKING-PNG' : 'OB20-BAKING-SVG']);
  if (input.served) await ctx.should(ensureNotRedirected, { ...input.served, what: spec.what }, ['OB20-NO-REDIRECT']);
  // A revoked endorsement may be served as a stub; it is void whatever else it holds (assertions report
  // revocation through their verification).
  if (input.kind === 'endorsement' && isObject(value) && value.revoked === true) {
    await ctx.mustContinue(ensureNotRevoked, { doc: value, what: spec.what }, [spec.requirement]);
    return;
  }
  const schemaId = typeof spec.schemaId === 'function' ? spec.schemaId(value) : spec.schemaId;
  const asProfile = input.kind === 'issuer' && schemaId === SchemaIds.ob20.profile;
  await ctx.mustContinue(ensureSchemaValid(schemaId, asProfile ? 'Profile' : spec.what), value, [asProfile ? 'OB20-Profile' : spec.requirement]);
  if (schemaOnly) return;
  await ctx.mustContinue(ensureJsonLdValid(spec.what), value, ['OB20-JSON-LD']);
  const extensions = extensionNodes(value);
  if (extensions.length) await ctx.mustContinue(ensureExtensionsValid, extensions, ['OB20-Extension']);
  if (!isObject(value)) return;
  const issuerId = spec.issuerId(value);
  if (issuerId !== undefined) await ctx.should(ensureHttpIssuerId, { issuerId, where: spec.what }, ['OB20-ISSUER-HTTP-ID']);
  const result = await spec.verify(doc.form === 'jws' ? doc.compact : value, verify);
  // A class that points at nothing has nothing to verify: no check rather than a skip.
  if (result.steps.length === 0) return;
  await reportVerification(ctx, result, spec.what, { requirements: spec.verifyRequirements(result), embeddedRequirements: ['OB20-SignedBadge', 'OB20-HostedBadge'] });
  for (const hop of redirectedFetches(result)) {
    await ctx.should(ensureNotRedirected, { ...hop, what: `the hosted ${spec.what}` }, ['OB20-NO-REDIRECT']);
  }
  // An assertion's BadgeClass and issuer are judged as classes too, as the reference validator does;
  // not when the assertion is void already (revoked or gone).
  const revoked = result.steps.some((s) => s.outcome === 'fail' && ['hosted.gone', 'hosted.revoked', 'revocation.revoked'].includes(s.code));
  if (input.kind === 'assertion' && !revoked) {
    const badge = await verifyBadgeOf(result.document ?? value, verify);
    await reportVerification(ctx, badge, 'Assertion badge class', { requirements: ['OB20-BadgeClass'] });
  }
}

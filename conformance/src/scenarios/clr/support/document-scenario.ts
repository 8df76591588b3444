import { verifyClr, type VerifyOptions } from '../../../../../verification/src/index.js';
import { SchemaIds } from '../../../../../schemas/src/registry.js';
import type { DocumentKind, ParsedDocument } from '../../../actions/clr/document-kind.js';
import type { BakedBadge } from '../../../actions/ob20/baked-badge.js';
import { listedClrs } from '../../../actions/clr/records.js';
import { runFetcher, type RunFetcherOptions } from '../../../actions/clr/verification-fetcher.js';
import { ensureClrSchema } from '../../../checks/clr/ensure-clr-schema.js';
import { ensureCompactJws } from '../../../checks/clr/ensure-compact-jws.js';
import { ensureDiscoveryEntry } from '../../../checks/clr/ensure-discovery-entry.js';
import { ensureParsedDocument } from '../../../checks/clr/ensure-parsed-document.js';
import { ensureJsonLdValid } from '../../../checks/jsonld/ensure-jsonld-valid.js';
import { ensureManifestEntry } from '../../../checks/oauth/ensure-manifest-entry.js';
import { ensureNoUnknownProperties, ensureSchemaValid } from '../../../checks/schema/ensure-schema-valid.js';
import type { ScenarioContext } from '../../../engine/context.js';
import type { Role, Scenario } from '../../../engine/scenario.js';
import { withContext } from './session.js';
import { checkObDocument, isObKind, OB_SPECS, obRequirements } from './ob20-document.js';
import { reportVerification } from './verify.js';

export interface DocumentInput {
  /** The file or URL as given. */
  source: string;
  kind: DocumentKind;
  doc: ParsedDocument;
  /** A ClrSet that came as a compact JWS: its payload is checked, its signature is not (CLR 1.0 signs Clrs only). */
  unverifiedEnvelope?: boolean;
  /** The URL the document was read from and the one that answered, when it was read from a URL. */
  served?: { requested: string; served: string };
  /** The badge image the assertion was read from, when it came baked into a PNG or SVG. */
  baked?: BakedBadge;
}

const REQUIREMENTS: Record<DocumentKind, string[]> = {
  clr: ['CLR10-CLR-SCHEMA', 'CLR10-JSON-LD', 'CLR10-SIGNED-VERIFY', 'CLR10-HOSTED-VERIFY', 'CLR10-EMBEDDED-VERIFY', 'OB20-HostedBadge'],
  'clr-set': ['CLR10-CLRSET', 'CLR10-CLR-SCHEMA', 'CLR10-JSON-LD', 'CLR10-SIGNED-VERIFY', 'CLR10-HOSTED-VERIFY', 'CLR10-EMBEDDED-VERIFY', 'OB20-HostedBadge'],
  assertion: obRequirements('assertion'),
  badgeclass: obRequirements('badgeclass'),
  issuer: obRequirements('issuer'),
  endorsement: obRequirements('endorsement'),
  'revocation-list': obRequirements('revocation-list'),
  'cryptographic-key': obRequirements('cryptographic-key'),
  manifest: ['OBC21-MANIFEST', 'OBC21-MANIFEST-PROPERTIES', 'OBC21-MANIFEST-VERSION', 'OBC21-MANIFEST-API-BASE', 'OBC21-CERT-no-extension-fields'],
  'clr-discovery': ['CLR10-DISCOVERY-DOCUMENT', 'CLR10-NO-EXTENSION-FIELDS', 'CLR10-JSON-LD'],
};

/** CLR documents belong to the CLR provider; a manifest to the Badge Connect provider; OB 2.0 documents to their issuer. */
export const roleFor = (kinds: DocumentKind[]): Role =>
  kinds.some((k) => k.startsWith('clr')) ? 'clr-service-provider' : kinds.includes('manifest') ? 'obc-service-provider-read' : 'ob20-issuer';

/** Schema, JSON-LD and verification of one Clr (JSON with its context, or a compact JWS). */
async function checkClr(ctx: ScenarioContext, input: unknown, what: string, verify: VerifyOptions): Promise<void> {
  let doc = input;
  if (typeof input === 'string') {
    const shape = await ctx.mustContinue(ensureCompactJws, input, ['CLR10-SIGNED-VERIFY'], { title: `${what} is a compact JWS` });
    if (shape.outcome !== 'pass') return;
    doc = JSON.parse(Buffer.from(input.split('.')[1]!, 'base64url').toString('utf8')) as unknown;
  }
  await ctx.mustContinue(ensureClrSchema(SchemaIds.clr.clr, what), doc, ['CLR10-CLR-SCHEMA']);
  await ctx.mustContinue(ensureJsonLdValid(what), doc, ['CLR10-JSON-LD']);
  if (typeof input === 'string' || (typeof input === 'object' && input !== null)) {
    await reportVerification(ctx, await verifyClr(input as string | Record<string, unknown>, verify), what);
  }
}

type NonObKind = Exclude<DocumentKind, keyof typeof OB_SPECS>;

const CHECKS: Record<NonObKind, (ctx: ScenarioContext, input: DocumentInput, verify: VerifyOptions, onRecord: () => void) => Promise<void>> = {
  async clr(ctx, { doc }, verify) {
    await checkClr(ctx, doc.form === 'jws' ? doc.compact : doc.form === 'json' ? doc.value : undefined, 'Clr', verify);
  },
  async 'clr-set'(ctx, { doc }, verify, onRecord) {
    const value = doc.form === 'json' ? doc.value : doc.form === 'jws' ? doc.compact : undefined;
    await ctx.mustContinue(ensureClrSchema(SchemaIds.clr.clrSet, 'ClrSet'), value, ['CLR10-CLRSET']);
    const context = (value as { '@context'?: unknown } | undefined)?.['@context'];
    for (const r of listedClrs(value, 'ClrSet')) {
      await checkClr(ctx, r.kind === 'signed' ? (r.jws ?? r.doc) : withContext(r.doc, context), r.where, verify);
      onRecord();
    }
  },
  async manifest(ctx, { doc }) {
    const value = doc.form === 'json' ? doc.value : undefined;
    await ctx.mustContinue(ensureSchemaValid(SchemaIds.obc.manifest, 'manifest'), value, ['OBC21-MANIFEST-PROPERTIES']);
    await ctx.should(ensureNoUnknownProperties(SchemaIds.obc.manifest, 'manifest'), value, ['OBC21-CERT-no-extension-fields']);
    await ctx.mustContinue(ensureManifestEntry([]), value, ['OBC21-MANIFEST-VERSION', 'OBC21-MANIFEST-API-BASE']);
    await ctx.mustContinue(ensureJsonLdValid('manifest'), value, ['OBC21-MANIFEST']);
  },
  async 'clr-discovery'(ctx, { doc }) {
    const value = doc.form === 'json' ? doc.value : undefined;
    await ctx.mustContinue(ensureSchemaValid(SchemaIds.clr.discovery, 'discovery document'), value, ['CLR10-DISCOVERY-DOCUMENT']);
    await ctx.should(ensureNoUnknownProperties(SchemaIds.clr.discovery, 'discovery document'), value, ['CLR10-NO-EXTENSION-FIELDS']);
    await ctx.mustContinue(ensureDiscoveryEntry([]), value, ['CLR10-DISCOVERY-DOCUMENT']);
    await ctx.mustContinue(ensureJsonLdValid('discovery document'), value, ['CLR10-JSON-LD']);
  },
};

const SCHEMA_IDS: Record<NonObKind, [string, string]> = {
  clr: [SchemaIds.clr.clr, 'CLR10-CLR-SCHEMA'],
  'clr-set': [SchemaIds.clr.clrSet, 'CLR10-CLRSET'],
  manifest: [SchemaIds.obc.manifest, 'OBC21-MANIFEST-PROPERTIES'],
  'clr-discovery': [SchemaIds.clr.discovery, 'CLR10-DISCOVERY-DOCUMENT'],
};

/** --schema-only: the document (a JWS's payload) against its schema; no JSON-LD, no verification. */
async function schemaOnlyChecks(ctx: ScenarioContext, { doc }: DocumentInput, kind: NonObKind): Promise<void> {
  const [schemaId, requirement] = SCHEMA_IDS[kind];
  const value = doc.form === 'jws' ? doc.payload : doc.form === 'json' ? doc.value : undefined;
  const check = kind.startsWith('clr') ? ensureClrSchema(schemaId, kind) : ensureSchemaValid(schemaId, kind);
  await ctx.mustContinue(check, value, [requirement]);
}

/** Records a document counts for progress: a ClrSet its member Clrs (at least 1), any other document 1. */
export function recordCount({ kind, doc }: DocumentInput): number {
  if (kind !== 'clr-set') return 1;
  const value = doc.form === 'json' ? doc.value : doc.form === 'jws' ? doc.payload : undefined;
  return Math.max(1, listedClrs(value, 'ClrSet').length);
}

/**
 * One synthetic scenario per document, so validate reports through the same engine as a run. `now` is
 * the instant validity is judged at (default: the moment of verification).
 */
export function documentScenario(
  index: number,
  input: DocumentInput,
  fetch: Omit<RunFetcherOptions, 'origin'>,
  options: { now?: Date; schemaOnly?: boolean; onRecords?: (n: number) => void } = {},
): Scenario {
  const onRecords = options.onRecords ?? (() => undefined);
  return {
    id: `validate-${index + 1}-${input.kind}`,
    title: `${input.kind} ${input.source}`,
    summary: `Checks ${input.source} as a ${input.kind}: schema, JSON-LD${input.kind === 'manifest' || input.kind === 'clr-discovery' ? '' : ' and verification'}.`,
    roles: [roleFor([input.kind])],
    requirements: REQUIREMENTS[input.kind],
    async run(ctx) {
      // Members tick as they finish; whatever was not reached (an early stop, --schema-only) is counted at the end.
      let left = options.onRecords ? recordCount(input) : 0;
      const onRecord = () => {
        if (left <= 0) return;
        left -= 1;
        onRecords(1);
      };
      try {
        await checkDocument(ctx, onRecord);
      } finally {
        if (left > 0) onRecords(left);
      }
    },
  };

  async function checkDocument(ctx: ScenarioContext, onRecord: () => void): Promise<void> {
    const parsed = await ctx.mustContinue(ensureParsedDocument, input.doc, REQUIREMENTS[input.kind].slice(0, 1));
    if (parsed.outcome !== 'pass') return;
    const verify: VerifyOptions = { fetcher: runFetcher(ctx, fetch), ...(options.now ? { now: options.now } : {}) };
    const { kind } = input;
    if (isObKind(kind)) return checkObDocument(ctx, { ...input, kind }, verify, options.schemaOnly === true);
    if (options.schemaOnly) return schemaOnlyChecks(ctx, input, kind);
    await CHECKS[kind](ctx, input, verify, onRecord);
  }
}

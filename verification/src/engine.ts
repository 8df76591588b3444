// The verification model shared by assertions, endorsements and CLRs (OB 2.0 lineage, clr.md §7).
import { getRegistry, SchemaIds } from '../../schemas/src/registry.js';
import type { Loaded } from './documents.js';
import { typesOf } from './documents.js';
import type { Fetcher } from './fetcher.js';
import { checkHostedCopy, checkOrigin } from './hosted.js';
import { checkRevocationList } from './revocation.js';
import { CODES, fail, isObject, overallStatus, pass, unverifiable, type Json, type VerificationResult, type VerificationStep, type VerifyOptions } from './result.js';
import { checkJws, checkSignature } from './signed.js';
import { checkValidity } from './validity.js';

/** What differs between the kinds of verifiable object. */
export interface Kind {
  label: string;
  /** Schema to validate the object with; undefined when that schema is not registered (yet). */
  schemaId(doc: Json): string | undefined;
  /** false for objects embedded in a CLR, which its own verification already covers. */
  requireMethod: boolean;
  /** The profile holding the policy, keys and revocation list. */
  issuer(doc: Json, fetcher: Fetcher): Promise<Loaded>;
  /** Kind-specific checks on the trusted copy (recipient, claim). */
  checks?(doc: Json, options: VerifyOptions): VerificationStep[];
  nested?(doc: Json, options: VerifyOptions): Promise<VerificationStep[]>;
}

const HOSTED = ['HostedBadge', 'hosted', 'Hosted'];
const SIGNED = ['SignedBadge', 'signed', 'Signed'];

export async function verifyWith(kind: Kind, input: string | Record<string, unknown>, options: VerifyOptions): Promise<VerificationResult> {
  const steps: VerificationStep[] = [];
  const done = (method: VerificationResult['method'], document?: Json): VerificationResult =>
    document ? { status: overallStatus(steps), method, steps, document } : { status: overallStatus(steps), method, steps };

  let doc: unknown = input;
  let compact: string | undefined;
  if (typeof input === 'string') {
    const text = input.trim();
    if (text.startsWith('{')) {
      try {
        doc = JSON.parse(text);
      } catch {
        steps.push(fail(CODES.schemaInvalid, `${kind.label} is neither JSON nor a compact JWS`));
        return done('none');
      }
    } else {
      const jws = checkJws(text);
      steps.push(...jws.steps);
      if (!jws.parsed) return done('signed');
      doc = jws.parsed.payload;
      compact = jws.parsed.compact;
    }
  }
  if (!isObject(doc)) {
    steps.push(fail(CODES.schemaInvalid, `${kind.label} is not a JSON object`));
    return done('none');
  }
  steps.push(schemaStep(kind, doc));

  // Method selection: a JWS is signed whatever it says; JSON follows verification.type.
  const verification = isObject(doc['verification']) ? doc['verification'] : isObject(doc['verify']) ? doc['verify'] : undefined;
  const types = typesOf(verification?.['type']);
  const isHosted = types.some((t) => HOSTED.includes(t));
  const isSigned = types.some((t) => SIGNED.includes(t));
  let method: VerificationResult['method'] = 'none';
  if (compact) {
    method = 'signed';
    steps.push(
      isSigned
        ? pass(CODES.signedPayloadInvalid, 'payload is the signed object')
        : fail(CODES.signedPayloadInvalid, `the signed payload's verification.type is ${JSON.stringify(verification?.['type'] ?? null)}, not SignedBadge/Signed`),
    );
  } else if (isHosted) method = 'hosted';
  else if (isSigned) {
    method = 'signed';
    steps.push(unverifiable(CODES.signedMalformed, `a signed ${kind.label} was presented as JSON; only its JWS can be verified`));
  } else if (kind.requireMethod) {
    steps.push(
      verification === undefined && kind.label === 'CLR'
        ? unverifiable(CODES.schemaInvalid, 'the CLR names no verification method')
        : fail(CODES.schemaInvalid, `no usable verification.type (${JSON.stringify(verification?.['type'] ?? null)})`, { property: 'verification.type' }),
    );
  }

  let subject = doc;
  if (method === 'hosted') {
    const hosted = await checkHostedCopy(doc, options.fetcher);
    steps.push(...hosted.steps);
    if (hosted.steps.some((s) => s.outcome === 'fail' && (s.code === CODES.hostedGone || s.code === CODES.hostedRevoked))) {
      return done(method, hosted.authoritative);
    }
    subject = hosted.authoritative ?? doc;
  }

  const issuer = await kind.issuer(subject, options.fetcher);
  if (method === 'hosted') steps.push(checkOrigin(doc['id'], issuer));
  if (method === 'signed' && compact) {
    steps.push(...(await checkSignature(compact, verification?.['creator'], issuer, options.fetcher)));
    steps.push(...(await checkRevocationList(subject, issuer, options.fetcher)));
  }
  if (method !== 'hosted' && subject['revoked'] === true) {
    steps.push(fail(CODES.revocationRevoked, `the ${kind.label} says revoked: true`, { reason: subject['revocationReason'] ?? null }));
  }
  steps.push(...checkValidity(subject, options.now ?? new Date()));
  if (kind.checks) steps.push(...kind.checks(subject, options));
  if (kind.nested) steps.push(...(await kind.nested(subject, options)));
  return done(method, subject);
}

function schemaStep(kind: Kind, doc: Json): VerificationStep {
  const id = kind.schemaId(doc);
  const registry = getRegistry();
  if (!id || !registry.has(id)) return unverifiable(CODES.schemaInvalid, `no schema registered for ${kind.label} (${id ?? 'unknown id'})`);
  const result = registry.validate(id, doc, { unknownProperties: 'allow' });
  if (result.valid) return pass(CODES.schemaInvalid, `valid ${kind.label}`, { schema: id });
  const errors = result.errors.slice(0, 10).map((e) => ({ instancePath: e.instancePath, keyword: e.keyword, message: e.message }));
  return fail(CODES.schemaInvalid, `${kind.label} does not match its schema: ${errors.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}`, { schema: id, errors });
}

/**
 * A CLR 1.0 schema id by key (`SchemaIds.clr.*`), looked up at run time so this library works (with an
 * unverifiable schema step) while the CLR schemas are not registered.
 */
export function clrSchemaId(name: string): string | undefined {
  const all = SchemaIds as unknown as Record<string, Record<string, string> | undefined>;
  return all['clr']?.[name];
}

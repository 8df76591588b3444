import { checkJsonLd } from '../../../../schemas/src/jsonld.js';
import { getRegistry, SchemaIds } from '../../../../schemas/src/registry.js';
import { verifyClr, type Fetcher } from '../../../../verification/src/index.js';
import type { Clock } from '../../../shared/clock.js';
import { decodeCompactJws } from '../badges/jws.js';
import { formatSchemaErrors } from '../badges/schema-errors.js';
import { clrErrors } from '../clr-errors.js';
import type { ProviderFaults } from '../faults.js';
import type { ProviderUrls } from '../urls.js';

export interface ClrPayloadBody {
  '@context'?: unknown;
  clr?: unknown;
  signedClr?: unknown;
}

export interface AcceptedClr {
  /** The Clr as stored and served by getClr (with `@context`); for a signed one, the JWS payload. */
  clr: Record<string, unknown>;
  jws: string | null;
}

export interface ClrCheckContext {
  urls: ProviderUrls;
  faults: ProviderFaults;
  clock: Clock;
  /** Answers our own documents from the store; foreign ones are never fetched. */
  fetcher: Fetcher;
  /** The token user's email addresses (the learner must be one of them). */
  learnerEmails: string[];
  /** Whether the token user holds a live record with this id. */
  holds(clrId: string): boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const invalid = (description: string) => clrErrors.invalidData(description);

/**
 * Checks a posted ClrPayload before it is stored (every failure is 400 invalid_data):
 * exactly one of `clr` / `signedClr`; the Clr against our schema and safe-mode JSON-LD; the learner is
 * the token's user; ids under our getClr path only for records the user already holds; then `verifyClr`
 * with our own documents. A CLR signed with our key or hosted under our origin must verify; a foreign
 * one cannot be fetched (no outbound requests: deterministic, no SSRF), so it is accepted when the
 * library finds it only unverifiable, and refused when it finds it failed.
 */
export async function checkPostedClr(payload: ClrPayloadBody, ctx: ClrCheckContext): Promise<AcceptedClr> {
  if (ctx.faults.has('clr-post-accepts-invalid')) return acceptUnchecked(payload);
  if ((payload.clr === undefined) === (payload.signedClr === undefined)) throw invalid('The payload needs exactly one of clr and signedClr');
  let posted: unknown = payload.clr;
  let jws: string | null = null;
  let header: Record<string, unknown> = {};
  if (payload.signedClr !== undefined) {
    if (ctx.faults.has('clr-post-signed-refused')) throw invalid('signedClr is not supported');
    const decoded = typeof payload.signedClr === 'string' ? decodeCompactJws(payload.signedClr) : null;
    if (!decoded || !isObject(decoded.payload)) throw invalid('signedClr is not a compact JWS with a JSON object payload');
    if (decoded.header.alg !== 'RS256') throw invalid('Only RS256 signed CLRs are supported');
    posted = decoded.payload;
    header = decoded.header;
    jws = (payload.signedClr as string).trim();
  }
  if (!isObject(posted)) throw invalid('clr must be a Clr object');
  // Inside a ClrPayload the envelope may carry the context; the stored (bare) Clr always has its own.
  const clr = '@context' in posted || jws ? posted : { '@context': payload['@context'], ...posted };

  const schema = getRegistry().validate(SchemaIds.clr.clr, clr);
  if (!schema.valid) throw invalid(`Invalid Clr: ${formatSchemaErrors(schema.errors)}`);
  const ld = await checkJsonLd(clr);
  if (!ld.ok) throw invalid(`Invalid JSON-LD (${ld.code}): ${ld.message}`);
  if (!learnerIsUser(clr.learner, ctx.learnerEmails)) throw invalid('The CLR\u2019s learner is not the token\u2019s user (no matching email)');
  const id = clr.id as string;
  if (id.startsWith(ctx.urls.clrPrefix) && !ctx.holds(id)) {
    throw invalid(`Ids under ${ctx.urls.clrPrefix} are assigned by this provider`);
  }
  const method = verificationType(clr);
  if (!jws && method === 'Signed') throw invalid('A Signed CLR must be posted as signedClr');

  const verdict = await verifyClr(jws ?? clr, { fetcher: ctx.fetcher, now: new Date(ctx.clock()) });
  const failing = [...new Set(verdict.steps.filter((s) => s.outcome === 'fail').map((s) => s.code))];
  if (verdict.status === 'failed') throw invalid(`The CLR does not verify (${failing.join(', ')})`);
  const ourOrigin = `${ctx.urls.origin}/`;
  const creator = isObject(clr.verification) ? clr.verification.creator : undefined;
  const keyUrl = typeof creator === 'string' ? creator : header.kid;
  const ours = jws ? typeof keyUrl === 'string' && keyUrl.startsWith(ourOrigin) : method === 'Hosted' && id.startsWith(ourOrigin);
  if (ours && verdict.status !== 'verified') throw invalid('The CLR names this provider but does not verify with its documents');
  return { clr, jws };
}

function learnerIsUser(learner: unknown, emails: string[]): boolean {
  if (!isObject(learner)) return false;
  const values = (Array.isArray(learner.email) ? learner.email : [learner.email]).filter((e): e is string => typeof e === 'string');
  const known = emails.map((e) => e.trim().toLowerCase());
  return values.some((v) => known.includes(v.trim().toLowerCase()));
}

function verificationType(clr: Record<string, unknown>): string | null {
  const v = clr.verification;
  if (!isObject(v)) return null;
  const t = Array.isArray(v.type) ? v.type[0] : v.type;
  return typeof t === 'string' ? t : null;
}

/** Fault `clr-post-accepts-invalid`: take whatever object was posted, minting an id when it has none. */
function acceptUnchecked(payload: ClrPayloadBody): AcceptedClr {
  const signed = typeof payload.signedClr === 'string' ? payload.signedClr : null;
  const decoded = signed ? decodeCompactJws(signed) : null;
  const doc = decoded && isObject(decoded.payload) ? decoded.payload : isObject(payload.clr) ? payload.clr : {};
  const id = typeof doc.id === 'string' && doc.id !== '' ? doc.id : `urn:uuid:${crypto.randomUUID()}`;
  return { clr: { ...doc, id }, jws: signed };
}

import { checkJsonLd } from '../../../../schemas/src/jsonld.js';
import { getRegistry, SchemaIds } from '../../../../schemas/src/registry.js';
import { verifyAssertion, type Fetcher, type VerificationResult } from '../../../../verification/src/index.js';
import type { Clock } from '../../../shared/clock.js';
import { errors } from '../errors.js';
import type { ProviderFaults } from '../faults.js';
import type { SigningKey } from '../store/keys.js';
import type { ProviderUrls } from '../urls.js';
import { decodeCompactJws } from './jws.js';
import { REVOKED_SAMPLE_ID } from './public-documents.js';
import { formatSchemaErrors } from './schema-errors.js';

export interface AssertionPayload {
  assertion?: unknown;
  signedAssertion?: unknown;
}

export interface AcceptedAssertion {
  /** What is stored: for a hosted assertion the copy fetched at its id (the posted one is not trusted). */
  assertion: Record<string, unknown>;
  /** The compact JWS when posted signed; stored and listed under `signedAssertions`. */
  jws: string | null;
  /** True when the assertion is one of ours (hosted here, or signed with our key). */
  issuedHere: boolean;
}

export interface CheckContext {
  urls: ProviderUrls;
  key: SigningKey;
  clock: Clock;
  faults: ProviderFaults;
  /** Loads what verification needs: our own documents in process, foreign ones as configured (src/badges/document-fetcher.ts). */
  fetcher: Fetcher;
}

/** Allowed clock skew for `issuedOn` (VAL: must not be in the future). */
const SKEW_MS = 5 * 60_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Verifies a posted Assertion Payload (SPEC21: verify on every post, do not trust the posted copy):
 * signedAssertion wins over assertion. After the schema, date and JSON-LD checks, the verification library
 * decides: a hosted assertion is fetched at its id (an HTTP(S) URL) and must be the same data, a signed one
 * must verify under a key its issuer publishes and owns. Anything not verified, including an assertion whose
 * documents cannot be fetched, is refused: INVALID_BADGE (thrown, never returned).
 */
export async function checkPostedAssertion(payload: AssertionPayload, ctx: CheckContext): Promise<AcceptedAssertion> {
  if (ctx.faults.has('post-assertion-accepts-invalid')) return acceptUnchecked(payload);
  if (typeof payload.signedAssertion === 'string') return checkSigned(payload.signedAssertion.trim(), ctx);
  if (!isObject(payload.assertion)) throw errors.validation('The body needs an assertion or a signedAssertion');
  const assertion = payload.assertion;
  await checkAssertionDocument(assertion, ctx);
  const method = verificationType(assertion);
  if (method === 'SignedBadge') throw errors.invalidBadge('A SignedBadge assertion must be posted as signedAssertion');
  if (method !== 'HostedBadge') throw errors.invalidBadge('The assertion names no verification method (HostedBadge or SignedBadge)');
  const verdict = await verifyAssertion(assertion, { fetcher: ctx.fetcher, now: new Date(ctx.clock()) });
  requireVerified(verdict);
  const hosted = verdict.document ?? assertion;
  return { assertion: hosted, jws: null, issuedHere: String(assertion.id).startsWith(ctx.urls.hostedAssertionPrefix) };
}

async function checkSigned(jws: string, ctx: CheckContext): Promise<AcceptedAssertion> {
  const decoded = decodeCompactJws(jws);
  if (!decoded) throw errors.invalidBadge('signedAssertion is not a compact JWS with a JSON payload');
  if (decoded.header.alg !== 'RS256') throw errors.invalidBadge('Only RS256 signed assertions are supported');
  if (!isObject(decoded.payload)) throw errors.invalidBadge('The JWS payload is not an assertion object');
  const assertion = decoded.payload;
  await checkAssertionDocument(assertion, ctx);
  if (verificationType(assertion) !== 'SignedBadge') {
    throw errors.invalidBadge('A signed assertion needs verification.type SignedBadge');
  }
  requireVerified(await verifyAssertion(jws, { fetcher: ctx.fetcher, now: new Date(ctx.clock()) }));
  const verification = assertion.verification as Record<string, unknown>;
  const creator = typeof verification.creator === 'string' ? verification.creator : decoded.header.kid;
  return { assertion, jws, issuedHere: creator === ctx.urls.key(ctx.key.kid) };
}

/** Only a verified assertion is kept; the first problem goes into the error so the sender can fix it. */
function requireVerified(verdict: VerificationResult): void {
  if (verdict.status === 'verified') return;
  const problems = verdict.steps.filter((s) => s.outcome !== 'pass');
  const first = problems[0];
  const codes = [...new Set(problems.map((s) => s.code))].join(', ');
  const what = verdict.status === 'failed' ? 'does not verify' : 'could not be verified';
  throw errors.invalidBadge(`The assertion ${what} (${codes})${first ? `: ${first.message}` : ''}`);
}

/** Schema (OB 2.0 Assertion, extension fields allowed), dates, revocation, then safe-mode JSON-LD. */
async function checkAssertionDocument(assertion: Record<string, unknown>, ctx: CheckContext): Promise<void> {
  const result = getRegistry().validate(SchemaIds.ob20.assertion, assertion, { unknownProperties: 'allow' });
  if (!result.valid) throw errors.invalidBadge(`Invalid assertion: ${formatSchemaErrors(result.errors)}`);
  const now = ctx.clock();
  const issuedOn = Date.parse(String(assertion.issuedOn));
  if (issuedOn > now + SKEW_MS) throw errors.invalidBadge('issuedOn is in the future');
  if (typeof assertion.expires === 'string' && Date.parse(assertion.expires) <= now) {
    throw errors.invalidBadge('The assertion has expired');
  }
  if (assertion.revoked === true || assertion.id === REVOKED_SAMPLE_ID) {
    throw errors.invalidBadge('The assertion has been revoked');
  }
  const ld = await checkJsonLd(assertion);
  if (!ld.ok) throw errors.invalidBadge(`Invalid JSON-LD (${ld.code}): ${ld.message}`);
}

function verificationType(assertion: Record<string, unknown>): string | null {
  const v = assertion.verification ?? assertion.verify;
  if (!isObject(v)) return null;
  const t = Array.isArray(v.type) ? v.type[0] : v.type;
  if (t === 'signed') return 'SignedBadge';
  if (t === 'hosted') return 'HostedBadge';
  return typeof t === 'string' ? t : null;
}

/** Fault `post-assertion-accepts-invalid`: take whatever object was posted. */
function acceptUnchecked(payload: AssertionPayload): AcceptedAssertion {
  if (typeof payload.signedAssertion === 'string') {
    const decoded = decodeCompactJws(payload.signedAssertion);
    const assertion = decoded && isObject(decoded.payload) ? decoded.payload : {};
    return { assertion, jws: payload.signedAssertion, issuedHere: false };
  }
  return { assertion: isObject(payload.assertion) ? payload.assertion : {}, jws: null, issuedHere: false };
}

import { compactVerify, importSPKI } from 'jose';
import { checkJsonLd } from '../../../../schemas/src/jsonld.js';
import { getRegistry, SchemaIds } from '../../../../schemas/src/registry.js';
import type { Clock } from '../../../shared/clock.js';
import { errors } from '../errors.js';
import type { ProviderFaults } from '../faults.js';
import type { StoredAssertion } from '../store/assertions.js';
import type { SigningKey } from '../store/keys.js';
import type { ProviderUrls } from '../urls.js';
import { canonicalJson } from './canonical-json.js';
import { decodeCompactJws } from './jws.js';
import { REVOKED_SAMPLE_ID } from './public-documents.js';
import { formatSchemaErrors } from './schema-errors.js';

export interface AssertionPayload {
  assertion?: unknown;
  signedAssertion?: unknown;
}

export interface AcceptedAssertion {
  assertion: Record<string, unknown>;
  /** The compact JWS when posted signed; stored and listed under `signedAssertions`. */
  jws: string | null;
  /** True when the assertion is one of ours (hosted here and identical to our copy). */
  issuedHere: boolean;
}

export interface CheckContext {
  urls: ProviderUrls;
  key: SigningKey;
  clock: Clock;
  faults: ProviderFaults;
  findIssued(assertionId: string): StoredAssertion | null;
}

/** Allowed clock skew for `issuedOn` (VAL: must not be in the future). */
const SKEW_MS = 5 * 60_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Verifies a posted Assertion Payload (SPEC21: verify on every post, do not trust the posted copy).
 * - signedAssertion wins over assertion. Its signature is verified when the key is ours; a foreign key
 *   is never fetched (no outbound requests: deterministic and no SSRF), so a foreign signed assertion is
 *   accepted unverified when its payload is a valid OB 2.0 assertion.
 * - An unsigned assertion hosted under our origin must equal our hosted copy; foreign hosted ones are
 *   accepted after schema and JSON-LD checks, without re-fetching, for the same reason.
 * Throws INVALID_BADGE (never returns) on any failure.
 */
export async function checkPostedAssertion(payload: AssertionPayload, ctx: CheckContext): Promise<AcceptedAssertion> {
  if (ctx.faults.has('post-assertion-accepts-invalid')) return acceptUnchecked(payload);
  if (typeof payload.signedAssertion === 'string') return checkSigned(payload.signedAssertion, ctx);
  if (!isObject(payload.assertion)) throw errors.validation('The body needs an assertion or a signedAssertion');
  const assertion = payload.assertion;
  await checkAssertionDocument(assertion, ctx);
  if (verificationType(assertion) === 'SignedBadge') {
    throw errors.invalidBadge('A SignedBadge assertion must be posted as signedAssertion');
  }
  const id = assertion.id as string;
  if (id.startsWith(ctx.urls.hostedAssertionPrefix)) {
    const ours = ctx.findIssued(id);
    if (!ours || canonicalJson(ours.json) !== canonicalJson(assertion)) {
      throw errors.invalidBadge('The assertion does not match the copy hosted at its id');
    }
    return { assertion, jws: null, issuedHere: true };
  }
  return { assertion, jws: null, issuedHere: false };
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
  const verification = assertion.verification as Record<string, unknown>;
  const creator = typeof verification.creator === 'string' ? verification.creator : decoded.header.kid;
  const ourKeyUrl = ctx.urls.key(ctx.key.kid);
  if (creator === ourKeyUrl) {
    const publicKey = await importSPKI(ctx.key.publicKeyPem, 'RS256');
    try {
      await compactVerify(jws.trim(), publicKey, { algorithms: ['RS256'] });
    } catch {
      throw errors.invalidBadge('The assertion signature does not verify with its key');
    }
    return { assertion, jws: jws.trim(), issuedHere: true };
  }
  if (typeof creator === 'string' && creator.startsWith(`${ctx.urls.origin}/`)) {
    throw errors.invalidBadge('The signing key is not one of this issuer\u2019s keys');
  }
  return { assertion, jws: jws.trim(), issuedHere: false };
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

import { ensureStatus } from '../../../checks/http/ensure-status.js';
import { ensureSchemaValid } from '../../../checks/schema/ensure-schema-valid.js';
import { SchemaIds } from '../../../../../schemas/src/registry.js';
import { decodeCompactJws } from '../../../checks/obc/compact-jws.js';
import { ensureSignedAssertion } from '../../../checks/obc/ensure-signed-assertion.js';
import { ensureSignedAssertionSignature } from '../../../checks/obc/ensure-signed-assertion-signature.js';
import type { ScenarioContext } from '../../../engine/context.js';
import type { HttpExchange } from '../../../engine/http.js';
import type { ListedAssertion } from './records.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys fetched so far in one scenario, by URL, so each is fetched (and checked) once. */
export type KeyCache = Map<string, { pem?: string; exchange: HttpExchange }>;

/** The key URL: `verification.creator` (SPEC20 SignedBadge), else the JWS header `kid` when it is a URL. */
function keyUrlOf(doc: Record<string, unknown>, jws: string): string | undefined {
  const verification = isObject(doc.verification) ? doc.verification : {};
  const decoded = decodeCompactJws(jws);
  const candidates = [verification.creator, decoded.ok ? decoded.jws.header.kid : undefined];
  return candidates.find((c): c is string => typeof c === 'string' && /^https?:\/\//.test(c));
}

/**
 * Each signed assertion is well-formed (MUST), and its signature verifies with the CryptographicKey its
 * `verification.creator` names. Verifying is graded SHOULD: a provider is a host that SHOULD verify what
 * it keeps (SPEC21), and the key is fetched from the issuer, who may not be the provider.
 */
export async function checkSignedAssertions(ctx: ScenarioContext, records: ListedAssertion[], x: HttpExchange, keys: KeyCache = new Map()): Promise<void> {
  for (const r of records.filter((r) => r.kind === 'signed')) {
    const shape = await ctx.mustContinue(ensureSignedAssertion, r.jws ?? r.doc, ['OB20-SignedBadge'], { http: x, title: `${r.where} is a compact JWS of a valid assertion` });
    if (shape.outcome !== 'pass' || !r.jws || !isObject(r.doc)) continue;
    const keyUrl = keyUrlOf(r.doc, r.jws);
    let key = keyUrl ? keys.get(keyUrl) : undefined;
    if (keyUrl && !key) {
      const kx = await ctx.http.send({ url: keyUrl, headers: { accept: 'application/ld+json, application/json' }, label: 'GET signing key' });
      const doc = kx.json();
      const pem = isObject(doc) && typeof doc.publicKeyPem === 'string' ? doc.publicKeyPem : undefined;
      key = { exchange: kx, ...(pem ? { pem } : {}) };
      keys.set(keyUrl, key);
      const fetched = await ctx.should(ensureStatus(200), kx, ['OB20-SignedBadge'], { title: `signing key ${keyUrl} is published` });
      if (fetched.outcome === 'pass') {
        await ctx.should(ensureSchemaValid(SchemaIds.ob20.cryptographicKey, `signing key ${keyUrl}`), doc, ['OB20-SignedBadge'], { http: kx });
      }
    }
    await ctx.should(ensureSignedAssertionSignature, { jws: r.jws, publicKeyPem: key?.pem, keyUrl }, ['OB20-SignedBadge', 'OBC21-POST-ASSERTION-VERIFY'], {
      http: key ? [x, key.exchange] : x,
      title: `${r.where} signature verifies`,
    });
  }
}

// Signed verification: JWS shape and algorithm, key lookup, key ownership, signature.
import { compactVerify } from 'jose';
import type { Loaded } from './documents.js';
import type { Fetcher } from './fetcher.js';
import { parseCompactJws, type ParsedJws } from './jws.js';
import { candidateKeys, importKey, ownership } from './keys.js';
import { CODES, fail, pass, unverifiable, type Json, type VerificationStep } from './result.js';

/** Only RS256: the algorithm OB 2.0 / CLR 1.0 verifiers implement (clr.md §7.3). */
export const SUPPORTED_ALGS = ['RS256'] as const;

/** Parse the JWS and check its algorithm; `parsed` is returned only when both are fine. */
export function checkJws(compact: string): { steps: VerificationStep[]; parsed?: Extract<ParsedJws, { ok: true }> } {
  const parsed = parseCompactJws(compact);
  if (!parsed.ok) {
    const steps = [fail(CODES.signedMalformed, `not a usable compact JWS: ${parsed.message}`)];
    // A readable header with a bad algorithm is reported as such too.
    if (parsed.header && parsed.header['alg'] !== 'RS256') steps.push(algFailure(parsed.header));
    return { steps };
  }
  const steps = [pass(CODES.signedMalformed, 'compact JWS with a JSON header and JSON object payload')];
  if (parsed.header['alg'] !== 'RS256') return { steps: [...steps, algFailure(parsed.header)] };
  steps.push(pass(CODES.signedUnsupportedAlg, 'alg is RS256'));
  return { steps, parsed };
}

function algFailure(header: Json): VerificationStep {
  return fail(CODES.signedUnsupportedAlg, `alg ${JSON.stringify(header['alg'])} is not supported (only RS256)`, { alg: header['alg'] ?? null });
}

/** Key availability, signature and key ownership for a JWS whose header was accepted by checkJws. */
export async function checkSignature(compact: string, creator: unknown, issuer: Loaded, fetcher: Fetcher): Promise<VerificationStep[]> {
  const issuerDoc = issuer.ok ? issuer.doc : undefined;
  const candidates = await candidateKeys(fetcher, creator, issuerDoc);
  const fetched = candidates.filter((c) => c.ok);
  if (fetched.length === 0) {
    const message = candidates.map((c) => (c.ok ? '' : `${c.url || '(no key)'}: ${c.message}`)).join('; ');
    return [unverifiable(CODES.signedKeyUnavailable, `signing key unavailable: ${message}`, { creator: creator ?? null })];
  }
  const steps: VerificationStep[] = [];
  let verifiedWith: { key: Json; url: string } | undefined;
  const importErrors: string[] = [];
  for (const candidate of fetched) {
    const imported = await importKey(candidate.key);
    if (!imported.ok) {
      importErrors.push(`${candidate.url}: ${imported.message}`);
      continue;
    }
    try {
      await compactVerify(compact, imported.key, { algorithms: [...SUPPORTED_ALGS] });
      verifiedWith = { key: candidate.key, url: candidate.url };
      break;
    } catch {
      // try the next candidate key
    }
  }
  if (importErrors.length === fetched.length) {
    return [fail(CODES.signedKeyUnavailable, `no usable key: ${importErrors.join('; ')}`, { creator: creator ?? null })];
  }
  steps.push(pass(CODES.signedKeyUnavailable, 'signing key loaded', { keys: fetched.map((c) => c.url) }));
  steps.push(
    verifiedWith
      ? pass(CODES.signedBadSignature, 'signature is valid', { key: verifiedWith.url })
      : fail(CODES.signedBadSignature, 'signature does not verify with the key', { keys: fetched.map((c) => c.url) }),
  );
  const judged = verifiedWith ?? fetched[0];
  if (!judged) return steps;
  if (!issuer.ok) {
    steps.push(unverifiable(CODES.signedKeyNotOwned, `cannot check key ownership, issuer unavailable: ${issuer.message}`, { key: judged.url }));
    return steps;
  }
  const own = ownership(judged.key, judged.url, issuer.doc);
  const evidence = { key: judged.url, owner: judged.key['owner'] ?? null, issuer: issuer.doc['id'] ?? null };
  steps.push(
    own.owned
      ? pass(CODES.signedKeyNotOwned, 'the key is owned by the issuer and listed in its publicKey', evidence)
      : fail(CODES.signedKeyNotOwned, own.reasons.join('; '), evidence),
  );
  return steps;
}

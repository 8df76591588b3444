// Hosted verification: re-fetch the object from its id, trust only that copy, enforce the issuer's policy.
import { loadJson, type Loaded } from './documents.js';
import type { Fetcher } from './fetcher.js';
import { compareAsData } from './same-data.js';
import { asArray, CODES, fail, isHttpUrl, isObject, pass, unverifiable, type Json, type VerificationStep } from './result.js';

export { canonicalJson } from './canonical.js';

/** Fetch the hosted copy; `authoritative` is set when a usable copy was fetched. */
export async function checkHostedCopy(presented: Json, fetcher: Fetcher): Promise<{ steps: VerificationStep[]; authoritative?: Json }> {
  const id = presented['id'];
  if (!isHttpUrl(id)) return { steps: [fail(CODES.hostedFetchFailed, `hosted verification needs an http(s) id, got ${JSON.stringify(id)}`)] };
  const loaded = await loadJson(fetcher, id);
  if (!loaded.ok) {
    if (loaded.status === 410) {
      const reason = loaded.body?.['revocationReason'];
      return { steps: [fail(CODES.hostedGone, `${id} answered 410 Gone${typeof reason === 'string' ? `: ${reason}` : ''}`, { id, status: 410 })] };
    }
    // A 200 that is not JSON is the host's fault; anything else may be transient or local.
    const broken = loaded.status !== undefined && loaded.status >= 200 && loaded.status < 300;
    const evidence = { id, status: loaded.status ?? null };
    return { steps: [broken ? fail(CODES.hostedFetchFailed, loaded.message, evidence) : unverifiable(CODES.hostedFetchFailed, loaded.message, evidence)] };
  }
  const fetched = loaded.doc;
  const steps = [pass(CODES.hostedFetchFailed, `fetched ${id}`, { id, url: loaded.url })];
  if (fetched['revoked'] === true) {
    const reason = fetched['revocationReason'];
    steps.push(fail(CODES.hostedRevoked, `the hosted copy is revoked${typeof reason === 'string' ? `: ${reason}` : ''}`, { id }));
    return { steps, authoritative: fetched };
  }
  steps.push(pass(CODES.hostedRevoked, 'the hosted copy is not revoked'));
  // Same assertion as data: a copy embedded elsewhere may differ in form (no @context, badge by IRI) only.
  const { differing, formOnly, by } = await compareAsData(presented, fetched);
  const formNote = formOnly.length > 0 ? ` (written differently, same data: ${formOnly.join(', ')})` : '';
  steps.push(
    differing.length === 0
      ? pass(CODES.hostedMismatch, `the presented copy is the hosted copy${formNote}`, formOnly.length > 0 ? { id, formOnly, comparedBy: by } : undefined)
      : fail(CODES.hostedMismatch, `the presented copy differs from the hosted copy in ${differing.join(', ')}`, { id, differing, formOnly, comparedBy: by }),
  );
  return { steps, authoritative: fetched };
}

/**
 * The issuer's policy (`verification` of its profile): `startsWith` prefixes and `allowedOrigins` hosts
 * when given; otherwise the id must be on the issuer id's host.
 */
export function checkOrigin(id: unknown, issuer: Loaded): VerificationStep {
  if (!isHttpUrl(id)) return fail(CODES.hostedOriginNotAllowed, `id ${JSON.stringify(id)} is not an http(s) URL`);
  if (!issuer.ok) return unverifiable(CODES.hostedOriginNotAllowed, `issuer profile unavailable: ${issuer.message}`, { id });
  const policy = isObject(issuer.doc['verification']) ? issuer.doc['verification'] : {};
  const startsWith = asArray(policy['startsWith']).filter((s): s is string => typeof s === 'string');
  const allowed = asArray(policy['allowedOrigins']).filter((s): s is string => typeof s === 'string').map((h) => h.toLowerCase());
  const host = new URL(id).host.toLowerCase();
  const hostname = new URL(id).hostname.toLowerCase();
  const evidence = { id, startsWith, allowedOrigins: allowed, issuer: issuer.doc['id'] ?? null };
  if (startsWith.length > 0 && !startsWith.some((p) => id.startsWith(p))) {
    return fail(CODES.hostedOriginNotAllowed, `${id} does not start with an allowed prefix`, evidence);
  }
  if (allowed.length > 0 && !allowed.includes(host) && !allowed.includes(hostname)) {
    return fail(CODES.hostedOriginNotAllowed, `${host} is not in allowedOrigins`, evidence);
  }
  if (startsWith.length === 0 && allowed.length === 0) {
    const issuerId = issuer.doc['id'];
    if (!isHttpUrl(issuerId)) return unverifiable(CODES.hostedOriginNotAllowed, 'no policy and the issuer id is not an http(s) URL', evidence);
    const issuerHost = new URL(issuerId).host.toLowerCase();
    if (issuerHost !== host) return fail(CODES.hostedOriginNotAllowed, `${host} is not the issuer's host ${issuerHost}`, { ...evidence, issuerHost });
  }
  return pass(CODES.hostedOriginNotAllowed, `${id} is inside the issuer's verification policy`, evidence);
}

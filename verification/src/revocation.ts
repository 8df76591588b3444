// The issuer's RevocationList (signed objects): entries are ids, or objects with id/uid and a reason.
import { loadJson, type Loaded } from './documents.js';
import type { Fetcher } from './fetcher.js';
import { CODES, fail, isObject, pass, unverifiable, type Json, type VerificationStep } from './result.js';

export async function checkRevocationList(doc: Json, issuer: Loaded, fetcher: Fetcher): Promise<VerificationStep[]> {
  const id = doc['id'];
  if (!issuer.ok) {
    return [unverifiable(CODES.revocationListUnavailable, `issuer unavailable, revocation list unknown: ${issuer.message}`)];
  }
  const listUrl = issuer.doc['revocationList'];
  // No list means nothing was revoked (clr.md §7.4).
  if (listUrl === undefined) return [pass(CODES.revocationRevoked, 'the issuer publishes no revocation list')];
  const list: Loaded = isObject(listUrl)
    ? { ok: true, doc: listUrl, url: String(listUrl['id'] ?? ''), source: 'embedded' }
    : typeof listUrl === 'string'
      ? await loadJson(fetcher, listUrl)
      : { ok: false, url: '', message: 'revocationList is neither an IRI nor an object' };
  if (!list.ok) {
    return [unverifiable(CODES.revocationListUnavailable, `revocation list unavailable: ${list.message}`, { revocationList: list.url })];
  }
  const entries = Array.isArray(list.doc['revokedAssertions']) ? list.doc['revokedAssertions'] : [];
  const steps = [pass(CODES.revocationListUnavailable, 'revocation list loaded', { revocationList: list.url })];
  const hit = entries.find((e) => matches(e, id, doc['uid']));
  if (hit === undefined) steps.push(pass(CODES.revocationRevoked, 'not in the revocation list', { revocationList: list.url }));
  else {
    const reason = isObject(hit) && typeof hit['revocationReason'] === 'string' ? hit['revocationReason'] : undefined;
    steps.push(fail(CODES.revocationRevoked, `revoked by the issuer${reason ? `: ${reason}` : ''}`, { revocationList: list.url, id: id ?? null, reason: reason ?? null }));
  }
  return steps;
}

function matches(entry: unknown, id: unknown, uid: unknown): boolean {
  if (typeof entry === 'string') return entry === id;
  if (!isObject(entry)) return false;
  return (entry['id'] !== undefined && entry['id'] === id) || (entry['uid'] !== undefined && entry['uid'] === uid);
}

// Finding the CryptographicKey that signed a document and deciding whether its issuer owns it.
import { importSPKI } from 'jose';
import { idsOf, loadJson } from './documents.js';
import type { Fetcher } from './fetcher.js';
import { isObject, type Json } from './result.js';

type VerifyKey = Awaited<ReturnType<typeof importSPKI>>;

export type KeyCandidate = { ok: true; key: Json; url: string } | { ok: false; url: string; message: string };

/**
 * The keys to try: `verification.creator` when given, else every key the issuer lists in `publicKey`
 * (embedded keys as they are, IRIs fetched).
 */
export async function candidateKeys(fetcher: Fetcher, creator: unknown, issuer: Json | undefined): Promise<KeyCandidate[]> {
  if (typeof creator === 'string') return [await fetchKey(fetcher, creator)];
  if (!issuer) return [{ ok: false, url: '', message: 'no verification.creator and the issuer profile is unavailable' }];
  const listed = Array.isArray(issuer['publicKey']) ? issuer['publicKey'] : [issuer['publicKey']];
  const out: KeyCandidate[] = [];
  for (const entry of listed) {
    if (typeof entry === 'string') out.push(await fetchKey(fetcher, entry));
    else if (isObject(entry) && typeof entry['publicKeyPem'] === 'string') out.push({ ok: true, key: entry, url: String(entry['id'] ?? '') });
    else if (isObject(entry) && typeof entry['id'] === 'string') out.push(await fetchKey(fetcher, entry['id']));
  }
  if (out.length === 0) out.push({ ok: false, url: '', message: 'no verification.creator and the issuer lists no publicKey' });
  return out;
}

async function fetchKey(fetcher: Fetcher, url: string): Promise<KeyCandidate> {
  const loaded = await loadJson(fetcher, url);
  return loaded.ok ? { ok: true, key: loaded.doc, url } : { ok: false, url, message: loaded.message };
}

/** RS256 verification key from the PEM (SubjectPublicKeyInfo), or a reason why not. */
export async function importKey(key: Json): Promise<{ ok: true; key: VerifyKey } | { ok: false; message: string }> {
  const pem = key['publicKeyPem'];
  if (typeof pem !== 'string') return { ok: false, message: 'the key document has no publicKeyPem' };
  try {
    return { ok: true, key: await importSPKI(pem.trim(), 'RS256') };
  } catch (err) {
    return { ok: false, message: `publicKeyPem is not an RSA public key: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** The two-way link: key.owner is the issuer AND the issuer's publicKey lists the key. */
export function ownership(key: Json, keyUrl: string, issuer: Json): { owned: boolean; reasons: string[] } {
  const reasons: string[] = [];
  const issuerId = issuer['id'];
  const keyId = typeof key['id'] === 'string' ? key['id'] : keyUrl;
  if (key['owner'] !== issuerId) reasons.push(`key owner ${JSON.stringify(key['owner'])} is not the issuer ${JSON.stringify(issuerId)}`);
  const listed = idsOf(issuer['publicKey']);
  if (!listed.includes(keyId) && !listed.includes(keyUrl)) reasons.push(`the issuer's publicKey does not list ${keyId}`);
  return { owned: reasons.length === 0, reasons };
}

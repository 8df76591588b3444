/** Parts of a compact JWS (RFC 7515 §7.1), decoded without verifying the signature. */
export interface DecodedJws {
  header: Record<string, unknown>;
  payload: unknown;
}

const B64URL = /^[A-Za-z0-9_-]+$/;

/** Returns null when the string is not a well-formed compact JWS with JSON header and payload. */
export function decodeCompactJws(jws: string): DecodedJws | null {
  const parts = jws.trim().split('.');
  if (parts.length !== 3 || !parts.every((p) => B64URL.test(p))) return null;
  try {
    const header = JSON.parse(Buffer.from(parts[0] as string, 'base64url').toString('utf8')) as unknown;
    const payload = JSON.parse(Buffer.from(parts[1] as string, 'base64url').toString('utf8')) as unknown;
    if (typeof header !== 'object' || header === null || Array.isArray(header)) return null;
    return { header: header as Record<string, unknown>, payload };
  } catch {
    return null;
  }
}

/** Flips bits in the signature so it no longer verifies, keeping the JWS well-formed (list faults). */
export function corruptSignature(jws: string): string {
  const [h, p, s = ''] = jws.split('.');
  const sig = Buffer.from(s, 'base64url');
  sig[0] = (sig[0] ?? 0) ^ 0xff;
  return `${h}.${p}.${sig.toString('base64url')}`;
}

/** Splits and decodes a compact JWS (RFC 7515 §7.1) without verifying it. */
export interface DecodedJws {
  header: Record<string, unknown>;
  payload: unknown;
}

export type JwsDecode = { ok: true; jws: DecodedJws } | { ok: false; error: string };

const B64URL = /^[A-Za-z0-9_-]+$/;

function decodePart(part: string, name: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown };
  } catch {
    return { ok: false, error: `the ${name} is not base64url-encoded JSON` };
  }
}

export function decodeCompactJws(value: string): JwsDecode {
  const parts = value.trim().split('.');
  if (parts.length !== 3) return { ok: false, error: `${parts.length} dot-separated parts, expected 3` };
  if (!parts.every((p) => B64URL.test(p))) return { ok: false, error: 'a part is empty or not base64url' };
  const header = decodePart(parts[0]!, 'header');
  if (!header.ok) return header;
  if (typeof header.value !== 'object' || header.value === null || Array.isArray(header.value)) {
    return { ok: false, error: 'the header is not a JSON object' };
  }
  const payload = decodePart(parts[1]!, 'payload');
  if (!payload.ok) return payload;
  return { ok: true, jws: { header: header.value as Record<string, unknown>, payload: payload.value } };
}

import type { Request } from 'express';

/** `application/x-www-form-urlencoded` decoding of each half (RFC 6749 §2.3.1); null when malformed. */
function formDecode(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** Parses `Authorization: Basic base64(id:secret)`; undefined when absent, null when malformed. */
export function basicCredentials(req: Request): { id: string; secret: string } | undefined | null {
  const header = req.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Basic +([A-Za-z0-9+/=]+) *$/i.exec(header);
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  const id = formDecode(decoded.slice(0, colon));
  const secret = formDecode(decoded.slice(colon + 1));
  if (!id || !secret) return null;
  return { id, secret };
}

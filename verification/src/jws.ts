// Compact JWS parsing without trusting anything yet: the signature is checked in signed.ts.
import { isObject, type Json } from './result.js';

export type ParsedJws =
  | { ok: true; header: Json; payload: Json; compact: string }
  | { ok: false; message: string; header?: Json };

const B64URL = /^[A-Za-z0-9_-]*$/;

/** A string that has the shape of a compact JWS (three base64url parts). */
export function looksLikeJws(value: string): boolean {
  const parts = value.trim().split('.');
  return parts.length === 3 && parts.every((p) => B64URL.test(p)) && (parts[0] ?? '').length > 0;
}

function decodeJson(part: string): unknown {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

export function parseCompactJws(input: string): ParsedJws {
  const compact = input.trim();
  const parts = compact.split('.');
  if (parts.length !== 3) return { ok: false, message: `a compact JWS has 3 parts, this has ${parts.length}` };
  const [h, p, s] = parts as [string, string, string];
  if (![h, p, s].every((x) => B64URL.test(x)) || h === '' || p === '') return { ok: false, message: 'parts are not base64url' };
  let header: unknown;
  try {
    header = decodeJson(h);
  } catch {
    return { ok: false, message: 'the protected header is not JSON' };
  }
  if (!isObject(header)) return { ok: false, message: 'the protected header is not a JSON object' };
  let payload: unknown;
  try {
    payload = decodeJson(p);
  } catch {
    return { ok: false, message: 'the payload is not JSON', header };
  }
  if (!isObject(payload)) return { ok: false, message: 'the payload is not a JSON object', header };
  return { ok: true, header, payload, compact };
}

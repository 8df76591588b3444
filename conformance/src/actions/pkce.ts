import { createHash, randomBytes } from 'node:crypto';

/** RFC 7636 §4.1: the verifier alphabet is the URI unreserved set. */
export const UNRESERVED = /^[A-Za-z0-9\-._~]{43,128}$/;

export interface Pkce {
  verifier: string;
  challenge: string;
  method: 'S256';
}

/** A fresh code verifier of `length` characters (43 to 128) drawn from the unreserved set. */
export function createVerifier(length = 64): string {
  if (!Number.isInteger(length) || length < 43 || length > 128) {
    throw new RangeError(`a PKCE verifier has 43 to 128 characters, not ${length}`);
  }
  // base64url output uses only unreserved characters; 3 bytes give 4 characters.
  return randomBytes(Math.ceil((length * 3) / 4)).toString('base64url').slice(0, length);
}

/** RFC 7636 §4.2: BASE64URL-ENCODE(SHA256(ASCII(code_verifier))). */
export function challengeS256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function createPkce(length?: number): Pkce {
  const verifier = createVerifier(length);
  return { verifier, challenge: challengeS256(verifier), method: 'S256' };
}

/** An opaque value for `state` (and other one-time nonces). */
export function randomState(): string {
  return randomBytes(18).toString('base64url');
}

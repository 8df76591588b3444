import { sign } from 'node:crypto';
import type { SigningKey } from '../store/keys.js';

/**
 * Compact JWS (RS256) whose payload is the assertion JSON (OB 2.0 SignedBadge).
 * Signed with node:crypto rather than jose because seeding runs inside the synchronous createApp;
 * the output is plain RFC 7515 and is verified with jose (tests, POST /assertions).
 */
export function signAssertion(assertion: object, key: SigningKey, keyUrl: string): string {
  const header = Buffer.from(JSON.stringify({ alg: 'RS256', kid: keyUrl })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(assertion)).toString('base64url');
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), key.privateKey).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

import type { Faults } from '../faults.js';

/**
 * Builds the redirect back to the client (RFC 6749 §4.1.2): the registered URI with its own query
 * kept, plus the response parameters, `state` echoed, and `iss` (RFC 9207) against mix-up attacks.
 */
export function buildRedirect(
  redirectUri: string,
  params: Record<string, string>,
  state: string | undefined,
  issuer: string,
  faults: Faults,
): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  if (state !== undefined && !faults.has('state-not-echoed')) url.searchParams.set('state', state);
  url.searchParams.set('iss', issuer);
  return url.toString();
}

import { FaultSet } from '../../shared/faults.js';

/**
 * Deliberate misbehaviours, each switching off exactly one protection, so the conformance
 * self-tests can prove that every negative check fails against a faulty server.
 *
 * | name                                    | where                                   | protection switched off                                   |
 * |-----------------------------------------|-----------------------------------------|-----------------------------------------------------------|
 * | registration-accepts-missing-metadata   | registration/validate-metadata.ts       | the seven required Badge Connect metadata strings         |
 * | registration-accepts-insecure-urls      | registration/validate-metadata.ts       | https required (http accepted for any host)               |
 * | registration-accepts-other-auth-method  | registration/validate-metadata.ts       | token_endpoint_auth_method must be client_secret_basic    |
 * | registration-omits-no-store             | routes/register.ts                      | Cache-Control: no-store / Pragma: no-cache on 201         |
 * | registration-omits-secret-expiry        | routes/register.ts                      | client_secret_expires_at in the 201 (RFC 7591 §3.2.1)     |
 * | pkce-not-required                       | authorization/check-pkce.ts             | code_challenge required                                   |
 * | pkce-plain-accepted                     | authorization/check-pkce.ts             | code_challenge_method must be S256                        |
 * | state-not-echoed                        | authorization/redirect.ts               | state returned on the redirect                            |
 * | redirect-to-unregistered-uri            | authorization/check-redirect-uri.ts     | redirect_uri must exactly match a registered one          |
 * | code-reusable                           | grants/authorization-code.ts            | codes are single-use (and replay revokes tokens)          |
 * | verifier-not-checked                    | grants/authorization-code.ts            | code_verifier checked against the challenge               |
 * | redirect-uri-not-checked                | grants/authorization-code.ts            | token redirect_uri must equal the authorization one       |
 * | client-auth-not-checked                 | middleware/require-client-auth.ts       | client secret verified (any secret accepted)              |
 * | token-omits-no-store                    | grants/issue-tokens.ts                  | Cache-Control: no-store / Pragma: no-cache on tokens      |
 * | token-omits-expires-in                  | grants/issue-tokens.ts                  | expires_in in the token response                          |
 * | refresh-not-rotated                     | grants/refresh-token.ts                 | refresh rotation (the same refresh token stays valid)     |
 * | refresh-scope-widening                  | grants/refresh-token.ts                 | refresh scope may not exceed the original grant           |
 * | revocation-ignored                      | routes/revoke.ts                        | /revoke actually revokes (it answers 200 and does nothing) |
 */
export const AUTH_SERVER_FAULTS = [
  'registration-accepts-missing-metadata',
  'registration-accepts-insecure-urls',
  'registration-accepts-other-auth-method',
  'registration-omits-no-store',
  'registration-omits-secret-expiry',
  'pkce-not-required',
  'pkce-plain-accepted',
  'state-not-echoed',
  'redirect-to-unregistered-uri',
  'code-reusable',
  'verifier-not-checked',
  'redirect-uri-not-checked',
  'client-auth-not-checked',
  'token-omits-no-store',
  'token-omits-expires-in',
  'refresh-not-rotated',
  'refresh-scope-widening',
  'revocation-ignored',
] as const;

export type AuthServerFault = (typeof AUTH_SERVER_FAULTS)[number];

/** Typed view of the FaultSet: `faults.has('typo')` does not compile. */
export interface Faults {
  has(name: AuthServerFault): boolean;
  list(): string[];
}

export function createFaults(names: readonly string[]): Faults {
  return new FaultSet(names, AUTH_SERVER_FAULTS);
}

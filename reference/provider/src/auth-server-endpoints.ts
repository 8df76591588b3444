import type { AuthServerOptions } from './context.js';

/** Endpoint URLs of the reference auth server (docs/CONTRACTS.md) derived from its issuer origin. */
export function authServerEndpoints(
  issuer: string,
  credential: { clientId: string; clientSecret: string },
): AuthServerOptions {
  const base = issuer.replace(/\/+$/, '');
  return {
    issuer: base,
    introspectionUrl: `${base}/introspect`,
    authorizationUrl: `${base}/authorize`,
    tokenUrl: `${base}/token`,
    registrationUrl: `${base}/register`,
    revocationUrl: `${base}/revoke`,
    clientId: credential.clientId,
    clientSecret: credential.clientSecret,
  };
}

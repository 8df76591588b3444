/** RFC 7591 dynamic client registration with every field Badge Connect requires. */
import { PATHS, SOFTWARE_ID, SOFTWARE_VERSION, WALLET_NAME } from '../defaults.js';
import { UNOFFERED_SCOPE, type ConsumerFaults } from '../faults.js';
import { scopesToRequest, type ProviderDescription } from './discovery.js';
import { describeUrl, httpRequest, isObject, oauthErrorText, parseJson, ProviderError, type HttpOptions } from './http.js';

/** The wallet as a client: its public origin decides every URL it registers. */
export interface ClientIdentity {
  origin: string;
  name?: string;
}

export interface Registration {
  clientId: string;
  clientSecret: string;
  /** The scope the provider registered (it may be narrower than asked). */
  scope: string;
  redirectUri: string;
}

export function redirectUriOf(identity: ClientIdentity): string {
  return `${identity.origin}${PATHS.callback}`;
}

export function requestedScopes(desc: ProviderDescription, faults: ConsumerFaults): string[] {
  return scopesToRequest(desc, faults.has('unoffered-scope') ? [UNOFFERED_SCOPE] : []);
}

export function registrationBody(desc: ProviderDescription, identity: ClientIdentity, faults: ConsumerFaults): Record<string, unknown> {
  const o = identity.origin;
  const body: Record<string, unknown> = {
    client_name: identity.name ?? WALLET_NAME,
    client_uri: `${o}${PATHS.about}`,
    logo_uri: `${o}${PATHS.logo}`,
    tos_uri: `${o}${PATHS.terms}`,
    policy_uri: `${o}${PATHS.privacy}`,
    software_id: SOFTWARE_ID,
    software_version: SOFTWARE_VERSION,
    redirect_uris: [redirectUriOf(identity)],
    token_endpoint_auth_method: faults.has('client-secret-post') ? 'client_secret_post' : 'client_secret_basic',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    scope: requestedScopes(desc, faults).join(' '),
  };
  if (faults.has('omit-software-id')) delete body.software_id;
  return body;
}

export async function register(
  desc: ProviderDescription,
  identity: ClientIdentity,
  faults: ConsumerFaults,
  http: HttpOptions = {},
): Promise<Registration> {
  const body = registrationBody(desc, identity, faults);
  const res = await httpRequest(
    desc.registrationUrl,
    { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body) },
    http,
  );
  if (res.status !== 201 && res.status !== 200) {
    throw new ProviderError(`Registration was refused (${oauthErrorText(res)})`, 'refused', res.status);
  }
  const reply = parseJson(res, 'The registration response');
  if (!isObject(reply) || typeof reply.client_id !== 'string' || typeof reply.client_secret !== 'string') {
    throw new ProviderError(`The registration response from ${describeUrl(desc.registrationUrl)} lacks client_id or client_secret`);
  }
  return {
    clientId: reply.client_id,
    clientSecret: reply.client_secret,
    scope: typeof reply.scope === 'string' ? reply.scope : String(body.scope),
    redirectUri: redirectUriOf(identity),
  };
}

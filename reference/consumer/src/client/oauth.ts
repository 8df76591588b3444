/** Authorization code flow with PKCE (RFC 6749, RFC 7636), refresh (§6) and revocation (RFC 7009). */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ConsumerFaults } from '../faults.js';
import { httpRequest, isObject, oauthErrorText, parseJson, ProviderError, type HttpOptions } from './http.js';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

export interface PendingAuthorization {
  state: string | null;
  verifier: string | null;
  scope: string;
  redirectUri: string;
}

export interface TokenSet {
  accessToken: string;
  refreshToken: string | null;
  /** ms since the epoch, or null when the provider gave no expires_in. */
  expiresAt: number | null;
  scope: string;
}

const random = () => randomBytes(32).toString('base64url');
export const s256 = (verifier: string) => createHash('sha256').update(verifier, 'ascii').digest('base64url');

/** The URL to send the person to, and what must be kept to finish the flow. */
export function authorizationRequest(
  authorizationUrl: string,
  client: { clientId: string; redirectUri: string },
  scope: string,
  faults: ConsumerFaults,
): { url: string; pending: PendingAuthorization } {
  const url = new URL(authorizationUrl);
  const verifier = faults.has('skip-pkce') ? null : random();
  const state = faults.has('omit-state') ? null : random();
  const params: Record<string, string> = { response_type: 'code', client_id: client.clientId, redirect_uri: client.redirectUri, scope };
  if (state) params.state = state;
  if (verifier) {
    const plain = faults.has('pkce-plain');
    params.code_challenge = plain ? verifier : s256(verifier);
    params.code_challenge_method = plain ? 'plain' : 'S256';
  }
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return { url: url.href, pending: { state, verifier, scope, redirectUri: client.redirectUri } };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Checks the redirect back to the wallet and returns the code; every refusal is a sentence for the person. */
export function readCallback(query: Record<string, unknown>, pending: PendingAuthorization, faults: ConsumerFaults): string {
  const get = (k: string) => (typeof query[k] === 'string' ? (query[k] as string) : undefined);
  const state = get('state');
  if (pending.state !== null && !faults.has('ignore-state-mismatch')) {
    if (state === undefined || !sameSecret(state, pending.state)) {
      throw new ProviderError(
        'The answer from the provider does not belong to the sign-in this wallet started (state mismatch). Nothing was connected; please try again.',
        'refused',
      );
    }
  }
  const error = get('error');
  if (error !== undefined) {
    const text = error === 'access_denied' ? 'You declined access at the provider' : `The provider refused the authorization (${error.slice(0, 100)})`;
    throw new ProviderError(text, 'refused');
  }
  const code = get('code');
  if (!code) throw new ProviderError('The provider sent no authorization code back', 'refused');
  return code;
}

/** Token endpoint call with client authentication (Basic, or body for the client-secret-post fault). */
async function tokenCall(
  tokenUrl: string,
  client: ClientCredentials,
  form: Record<string, string>,
  faults: ConsumerFaults,
  http: HttpOptions,
): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' };
  const body = new URLSearchParams(form);
  if (faults.has('client-secret-post')) {
    body.set('client_id', client.clientId);
    body.set('client_secret', client.clientSecret);
  } else {
    headers.Authorization = basic(client);
  }
  const res = await httpRequest(tokenUrl, { method: 'POST', headers, body: body.toString() }, http);
  if (res.status !== 200) {
    throw new ProviderError(`The token request was refused (${oauthErrorText(res)})`, 'refused', res.status);
  }
  const reply = parseJson(res, 'The token response');
  if (!isObject(reply) || typeof reply.access_token !== 'string' || reply.access_token === '') {
    throw new ProviderError('The token response has no access_token');
  }
  return reply;
}

/** RFC 6749 §2.3.1: both parts form-urlencoded before base64. */
export function basic(client: ClientCredentials): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${enc(client.clientId)}:${enc(client.clientSecret)}`).toString('base64')}`;
}

function tokenSet(reply: Record<string, unknown>, fallbackScope: string, previousRefresh: string | null, now: number): TokenSet {
  const expiresIn = typeof reply.expires_in === 'number' ? reply.expires_in : Number(reply.expires_in);
  return {
    accessToken: reply.access_token as string,
    refreshToken: typeof reply.refresh_token === 'string' ? reply.refresh_token : previousRefresh,
    expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? now + expiresIn * 1000 : null,
    scope: typeof reply.scope === 'string' ? reply.scope : fallbackScope,
  };
}

export async function exchangeCode(
  tokenUrl: string,
  client: ClientCredentials,
  code: string,
  pending: PendingAuthorization,
  faults: ConsumerFaults,
  http: HttpOptions = {},
): Promise<TokenSet> {
  const form: Record<string, string> = { grant_type: 'authorization_code', code, redirect_uri: pending.redirectUri, scope: pending.scope };
  if (pending.verifier) form.code_verifier = pending.verifier;
  return tokenSet(await tokenCall(tokenUrl, client, form, faults, http), pending.scope, null, Date.now());
}

export async function refreshTokens(
  tokenUrl: string,
  client: ClientCredentials,
  tokens: TokenSet,
  faults: ConsumerFaults,
  http: HttpOptions = {},
): Promise<TokenSet> {
  if (!tokens.refreshToken) throw new ProviderError('The access token expired and the provider issued no refresh token', 'refused');
  const form = { grant_type: 'refresh_token', refresh_token: tokens.refreshToken, scope: tokens.scope };
  return tokenSet(await tokenCall(tokenUrl, client, form, faults, http), tokens.scope, tokens.refreshToken, Date.now());
}

/** RFC 7009: the refresh token first (it revokes the grant), then the access token. Failures are reported, not thrown. */
export async function revokeTokens(
  revocationUrl: string,
  client: ClientCredentials,
  tokens: TokenSet,
  faults: ConsumerFaults,
  http: HttpOptions = {},
): Promise<{ ok: boolean; detail: string }> {
  const list: [string, string][] = [];
  if (tokens.refreshToken) list.push([tokens.refreshToken, 'refresh_token']);
  list.push([tokens.accessToken, 'access_token']);
  for (const [token, hint] of list) {
    const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const body = new URLSearchParams({ token, token_type_hint: hint });
    if (faults.has('client-secret-post')) {
      body.set('client_id', client.clientId);
      body.set('client_secret', client.clientSecret);
    } else headers.Authorization = basic(client);
    try {
      const res = await httpRequest(revocationUrl, { method: 'POST', headers, body: body.toString() }, http);
      if (res.status !== 200) return { ok: false, detail: `revocation answered ${oauthErrorText(res)}` };
    } catch (err) {
      return { ok: false, detail: (err as Error).message };
    }
  }
  return { ok: true, detail: 'access revoked at the provider' };
}

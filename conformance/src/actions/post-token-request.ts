import type { ScenarioContext } from '../engine/context.js';
import type { HttpExchange } from '../engine/http.js';
import { splitScope } from './scopes.js';
import type { TokenSet } from './types.js';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** RFC 6749 §2.3.1: form-encode id and secret, then base64 of `id:secret`. */
export function basicAuth({ clientId, clientSecret }: ClientCredentials): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${enc(clientId)}:${enc(clientSecret)}`).toString('base64')}`;
}

/** POSTs a form to an OAuth endpoint with Basic client authentication. */
export async function postForm(
  ctx: ScenarioContext,
  url: string,
  credentials: ClientCredentials,
  form: Record<string, string | undefined>,
  label: string,
): Promise<HttpExchange> {
  return ctx.http.send({
    method: 'POST',
    url,
    headers: { authorization: basicAuth(credentials), accept: 'application/json' },
    form,
    label,
  });
}

/** Reads a TokenSet from a 200 token response and marks its tokens secret; undefined otherwise. */
export function readTokenResponse(ctx: ScenarioContext, exchange: HttpExchange, requested: readonly string[]): TokenSet | undefined {
  const body = exchange.json() as Record<string, unknown> | undefined;
  if (exchange.status !== 200 || !body || typeof body.access_token !== 'string') return undefined;
  ctx.secret(body.access_token);
  const refresh = typeof body.refresh_token === 'string' ? body.refresh_token : undefined;
  ctx.secret(refresh);
  const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : undefined;
  return {
    accessToken: body.access_token,
    ...(refresh ? { refreshToken: refresh } : {}),
    tokenType: typeof body.token_type === 'string' ? body.token_type : '',
    scopes: splitScope(body.scope) ?? [...requested],
    ...(expiresIn !== undefined ? { expiresIn } : {}),
    obtainedAt: Date.now(),
  };
}

import type { ScenarioContext } from '../engine/context.js';
import type { HttpExchange } from '../engine/http.js';
import { postForm, type ClientCredentials } from './post-token-request.js';

/** RFC 7009 §2.1: POST token (and a type hint) with the client's credentials. */
export async function revokeToken(
  ctx: ScenarioContext,
  req: {
    revocationUrl: string;
    client: ClientCredentials;
    token: string;
    hint?: 'access_token' | 'refresh_token';
    label?: string;
  },
): Promise<HttpExchange> {
  ctx.secret(req.token);
  return postForm(
    ctx,
    req.revocationUrl,
    req.client,
    { token: req.token, token_type_hint: req.hint },
    req.label ?? `revoke ${req.hint ?? 'token'}`,
  );
}

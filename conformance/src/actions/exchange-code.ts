import type { ScenarioContext } from '../engine/context.js';
import type { HttpExchange } from '../engine/http.js';
import { postForm, readTokenResponse, type ClientCredentials } from './post-token-request.js';
import { joinScope } from './scopes.js';
import type { TokenSet } from './types.js';

export interface CodeExchange {
  tokenUrl: string;
  client: ClientCredentials;
  code: string;
  codeVerifier: string;
  redirectUri: string;
  scopes: readonly string[];
  /** Replaces or (with undefined) drops form parameters, for negative scenarios. */
  overrides?: Record<string, string | undefined>;
  label?: string;
}

/**
 * Authorization code grant (RFC 6749 §4.1.3 with RFC 7636 §4.5). OB 2.1 lists `scope` among the token
 * request parameters, so it is sent too.
 */
export async function exchangeCode(ctx: ScenarioContext, req: CodeExchange): Promise<{ exchange: HttpExchange; tokens?: TokenSet }> {
  ctx.secret(req.code);
  ctx.secret(req.codeVerifier);
  const form = {
    grant_type: 'authorization_code',
    code: req.code,
    redirect_uri: req.redirectUri,
    scope: joinScope(req.scopes),
    code_verifier: req.codeVerifier,
    ...req.overrides,
  };
  const exchange = await postForm(ctx, req.tokenUrl, req.client, form, req.label ?? 'exchange authorization code');
  const tokens = readTokenResponse(ctx, exchange, req.scopes);
  return { exchange, ...(tokens ? { tokens } : {}) };
}

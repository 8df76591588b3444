import type { ScenarioContext } from '../engine/context.js';
import type { HttpExchange } from '../engine/http.js';
import { postForm, readTokenResponse, type ClientCredentials } from './post-token-request.js';
import { joinScope } from './scopes.js';
import type { TokenSet } from './types.js';

export interface RefreshRequest {
  tokenUrl: string;
  client: ClientCredentials;
  refreshToken: string;
  /** Omitted: the original grant's scope (RFC 6749 §6). */
  scopes?: readonly string[];
  label?: string;
}

/** Refresh token grant (RFC 6749 §6). `requested` falls back to `fallbackScopes` when `scope` is omitted. */
export async function refreshToken(
  ctx: ScenarioContext,
  req: RefreshRequest,
  fallbackScopes: readonly string[] = [],
): Promise<{ exchange: HttpExchange; tokens?: TokenSet }> {
  ctx.secret(req.refreshToken);
  const exchange = await postForm(
    ctx,
    req.tokenUrl,
    req.client,
    {
      grant_type: 'refresh_token',
      refresh_token: req.refreshToken,
      scope: req.scopes ? joinScope(req.scopes) : undefined,
    },
    req.label ?? 'refresh token',
  );
  const tokens = readTokenResponse(ctx, exchange, req.scopes ?? fallbackScopes);
  return { exchange, ...(tokens ? { tokens } : {}) };
}

import type { Response } from 'express';
import type { AppContext } from '../context.js';
import { randomToken, sha256 } from '../crypto.js';
import { setNoStore } from '../middleware/no-store.js';
import { formatScope } from '../scopes.js';

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in?: number;
  scope: string;
  refresh_token?: string;
}

export interface IssueRequest {
  grantId: string;
  clientId: string;
  userId: string;
  /** Scope of the access token. */
  scope: readonly string[];
  /** Scope of a new refresh token, or undefined for none. */
  refreshScope?: readonly string[];
}

/** Creates an access token (and optionally a refresh token) in the grant; call inside a transaction. */
export function issueTokens(ctx: AppContext, r: IssueRequest): TokenResponse {
  const now = ctx.now();
  const accessToken = randomToken();
  const accessExpires = now + ctx.options.accessTokenTtlSeconds * 1000;
  const base = { grantId: r.grantId, clientId: r.clientId, userId: r.userId, issuedAt: now };
  ctx.store.tokens.insertAccess({ ...base, tokenHash: sha256(accessToken), scope: formatScope(r.scope), expiresAt: accessExpires });
  ctx.store.grants.extendExpiry(r.grantId, accessExpires);
  const response: TokenResponse = {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: ctx.options.accessTokenTtlSeconds,
    scope: formatScope(r.scope),
  };
  if (r.refreshScope) {
    const refreshToken = randomToken();
    const refreshExpires = now + ctx.options.refreshTokenTtlSeconds * 1000;
    ctx.store.tokens.insertRefresh({ ...base, tokenHash: sha256(refreshToken), scope: formatScope(r.refreshScope), expiresAt: refreshExpires });
    ctx.store.grants.extendExpiry(r.grantId, refreshExpires);
    response.refresh_token = refreshToken;
  }
  return response;
}

/** RFC 6749 §5.1: JSON with `Cache-Control: no-store` and `Pragma: no-cache`. */
export function sendTokenResponse(ctx: AppContext, res: Response, body: TokenResponse): void {
  if (!ctx.faults.has('token-omits-no-store')) setNoStore(res);
  const out = { ...body };
  if (ctx.faults.has('token-omits-expires-in')) delete out.expires_in;
  res.status(200).json(out);
}

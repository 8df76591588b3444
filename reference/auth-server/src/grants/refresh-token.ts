import type { Request, Response } from 'express';
import type { AppContext } from '../context.js';
import { authenticatedClient } from '../context.js';
import { sha256 } from '../crypto.js';
import { invalidGrant, invalidRequest, invalidScope, unauthorizedClient } from '../errors.js';
import { readParams } from '../params.js';
import { isSubset, parseScope } from '../scopes.js';
import { issueTokens, sendTokenResponse } from './issue-tokens.js';

/**
 * grant_type=refresh_token (RFC 6749 §6) with rotation: every use returns a new refresh token and
 * retires the old one; presenting a retired one again revokes the whole grant (OAuth 2.0 Security
 * BCP §4.14.2), since either the client or an attacker holds a stolen copy.
 */
export function refreshTokenGrant(ctx: AppContext, req: Request, res: Response): void {
  const client = authenticatedClient(req);
  if (!client.metadata.grant_types.includes('refresh_token')) {
    throw unauthorizedClient('the client did not register the refresh_token grant');
  }
  const p = readParams(req.body, ['refresh_token', 'scope']);
  if (!p.refresh_token) throw invalidRequest('refresh_token is required');
  const now = ctx.now();
  const tokenHash = sha256(p.refresh_token);

  const token = ctx.store.tokens.findRefresh(tokenHash);
  if (!token || token.clientId !== client.id) throw invalidGrant('refresh token is invalid');
  const grant = ctx.store.grants.find(token.grantId);
  if (!grant || grant.revokedAt !== null || token.revokedAt !== null) throw invalidGrant('refresh token has been revoked');
  if (token.rotatedAt !== null) {
    ctx.store.grants.revoke(grant.id, now);
    throw invalidGrant('refresh token was already used; the grant is revoked');
  }
  if (token.expiresAt <= now) throw invalidGrant('refresh token has expired');

  // RFC 6749 §6: the scope may narrow, never exceed what the resource owner granted.
  const granted = grant.scope.split(' ');
  let scope = granted;
  if (p.scope !== undefined) {
    const requested = parseScope(p.scope);
    if (!requested) throw invalidScope('scope is malformed');
    const ceiling = ctx.faults.has('refresh-scope-widening') ? client.metadata.scope.split(' ') : granted;
    if (!isSubset(requested, ceiling)) throw invalidScope('scope exceeds what was originally granted');
    scope = requested;
  }

  if (ctx.faults.has('refresh-not-rotated')) {
    const body = ctx.store.atomic(() => issueTokens(ctx, { grantId: grant.id, clientId: client.id, userId: grant.userId, scope }));
    sendTokenResponse(ctx, res, { ...body, refresh_token: p.refresh_token });
    return;
  }
  const body = ctx.store.atomic(() => {
    if (!ctx.store.tokens.markRotated(tokenHash, now)) return null;
    return issueTokens(ctx, { grantId: grant.id, clientId: client.id, userId: grant.userId, scope, refreshScope: granted });
  });
  if (!body) {
    // Lost a race with another use of the same token: that is reuse too.
    ctx.store.grants.revoke(grant.id, now);
    throw invalidGrant('refresh token was already used; the grant is revoked');
  }
  sendTokenResponse(ctx, res, body);
}

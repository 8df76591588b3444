import type { Request, Response } from 'express';
import type { AppContext } from '../context.js';
import { authenticatedClient } from '../context.js';
import { PKCE_VERIFIER, randomToken, s256, safeEqual, sha256 } from '../crypto.js';
import { invalidGrant, invalidRequest, invalidScope } from '../errors.js';
import { readParams } from '../params.js';
import { OFFLINE_ACCESS, isSubset, parseScope } from '../scopes.js';
import type { AuthorizationCode } from '../store/codes.js';
import { issueTokens, sendTokenResponse } from './issue-tokens.js';

/** RFC 7636 §4.6: the verifier must transform to the stored challenge. */
function checkVerifier(ctx: AppContext, code: AuthorizationCode, verifier: string | undefined): void {
  if (ctx.faults.has('verifier-not-checked') || code.codeChallenge === null) return;
  if (!verifier) throw invalidRequest('code_verifier is required');
  if (!PKCE_VERIFIER.test(verifier)) throw invalidRequest('code_verifier must be 43-128 characters of [A-Za-z0-9-._~]');
  const derived = code.codeChallengeMethod === 'S256' ? s256(verifier) : verifier;
  if (!safeEqual(derived, code.codeChallenge)) throw invalidGrant('code_verifier does not match the code_challenge');
}

/** grant_type=authorization_code (RFC 6749 §4.1.3). */
export function authorizationCodeGrant(ctx: AppContext, req: Request, res: Response): void {
  const client = authenticatedClient(req);
  const p = readParams(req.body, ['code', 'redirect_uri', 'code_verifier', 'scope']);
  if (!p.code) throw invalidRequest('code is required');
  if (!p.redirect_uri) throw invalidRequest('redirect_uri is required');
  const now = ctx.now();

  const code = ctx.store.codes.find(sha256(p.code));
  if (!code || code.clientId !== client.id) throw invalidGrant('code is invalid');
  if (code.usedAt !== null && !ctx.faults.has('code-reusable')) {
    // RFC 6749 §4.1.2: a replayed code means it leaked; revoke what it produced.
    if (code.grantId) ctx.store.grants.revoke(code.grantId, now);
    throw invalidGrant('code was already used; tokens issued from it are revoked');
  }
  if (code.expiresAt <= now) throw invalidGrant('code has expired');
  if (p.redirect_uri !== code.redirectUri && !ctx.faults.has('redirect-uri-not-checked')) {
    throw invalidGrant('redirect_uri does not match the one used in the authorization request');
  }
  checkVerifier(ctx, code, p.code_verifier);

  // Badge Connect sends `scope` here too; it may narrow the grant, never widen it.
  const granted = code.scope.split(' ');
  let scope = granted;
  if (p.scope !== undefined) {
    const requested = parseScope(p.scope);
    if (!requested || !isSubset(requested, granted)) throw invalidScope('scope exceeds what was authorized');
    scope = requested;
  }
  const withRefresh = client.metadata.grant_types.includes('refresh_token') && scope.includes(OFFLINE_ACCESS);

  const body = ctx.store.atomic(() => {
    const grantId = randomToken(16);
    // The grant dates from the user's consent, which is when the code was issued.
    ctx.store.grants.create({ id: grantId, clientId: client.id, userId: code.userId, scope: granted.join(' '), createdAt: code.createdAt, expiresAt: now });
    if (!ctx.store.codes.markUsed(code.codeHash, now, grantId) && !ctx.faults.has('code-reusable')) {
      throw invalidGrant('code was already used');
    }
    return issueTokens(ctx, { grantId, clientId: client.id, userId: code.userId, scope, refreshScope: withRefresh ? granted : undefined });
  });
  sendTokenResponse(ctx, res, body);
}

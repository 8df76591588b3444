import type { RequestHandler } from 'express';
import type { AppContext } from '../context.js';
import { PKCE_VERIFIER, S256_CHALLENGE } from '../crypto.js';
import { invalidRequest } from '../errors.js';
import { readParams } from '../params.js';

/**
 * PKCE (RFC 7636) is mandatory and only S256 is accepted (Badge Connect): a missing method would
 * mean `plain` (RFC 7636 §4.3), so it is refused too.
 */
export function checkPkce(ctx: AppContext): RequestHandler {
  return (req, _res, next) => {
    const { code_challenge: challenge, code_challenge_method: method } = readParams(req.query, ['code_challenge', 'code_challenge_method']);
    if (!challenge) {
      if (ctx.faults.has('pkce-not-required')) return next();
      throw invalidRequest('code_challenge is required (PKCE)');
    }
    if (method === 'S256') {
      if (!S256_CHALLENGE.test(challenge)) throw invalidRequest('code_challenge must be 43 base64url characters');
      return next();
    }
    if (ctx.faults.has('pkce-plain-accepted') && (method === undefined || method === 'plain')) {
      if (!PKCE_VERIFIER.test(challenge)) throw invalidRequest('code_challenge is malformed');
      return next();
    }
    throw invalidRequest('code_challenge_method must be S256');
  };
}

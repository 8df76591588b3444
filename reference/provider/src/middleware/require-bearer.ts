import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { errors } from '../errors.js';
import type { KnownFault, ProviderFaults } from '../faults.js';
import type { TokenInfo, TokenVerifier } from '../token-verifier.js';

/** What later middlewares read from `res.locals.auth`. */
export type AuthContext = TokenInfo;

export function authOf(res: Response): AuthContext {
  const auth = res.locals.auth as AuthContext | undefined;
  if (!auth) throw new Error('requireBearer must run before this handler');
  return auth;
}

// RFC 6750 §2.1 b64token.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

export interface RequireBearerOptions {
  verifier: TokenVerifier;
  faults: ProviderFaults;
  /** Known user ids; a token for any other subject is treated as invalid. */
  userIds: readonly string[];
  scopesOffered: readonly string[];
  /** The API's own 401 errors (default: Badge Connect's). */
  denials?: BearerDenials;
  /** The fault that lets a request without a token through (default `no-auth-required`). */
  noAuthFault?: KnownFault;
}

/** The three ways a request fails authentication; each API renders them in its own envelope. */
export type BearerDenials = Record<'missingToken' | 'tokenNotInHeader' | 'invalidToken', () => Error>;

/**
 * Accepts an access token only from the Authorization header (RFC 6750 §2.1); a token in the query
 * string is refused, and tokens in bodies are never read.
 */
export function requireBearer(options: RequireBearerOptions): RequestHandler {
  const { verifier, faults, userIds, scopesOffered } = options;
  const deny = options.denials ?? errors;
  const noAuthFault = options.noAuthFault ?? 'no-auth-required';
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization;
    const queryToken = typeof req.query.access_token === 'string' ? req.query.access_token : undefined;
    let token: string | undefined;
    if (header !== undefined) {
      if (queryToken !== undefined) return next(deny.tokenNotInHeader()); // RFC 6750 §2: one method only
      const m = BEARER.exec(header);
      if (!m) return next(/^Bearer\b/i.test(header) ? deny.invalidToken() : deny.missingToken());
      token = m[1];
    } else if (queryToken !== undefined) {
      if (!faults.has('query-token-accepted')) return next(deny.tokenNotInHeader());
      token = queryToken;
    } else if (faults.has(noAuthFault) && userIds[0]) {
      res.locals.auth = { subject: userIds[0], scopes: [...scopesOffered], clientId: null } satisfies AuthContext;
      return next();
    } else {
      return next(deny.missingToken());
    }
    verifier.verify(token as string).then(
      (info) => {
        if (!info || !userIds.includes(info.subject)) return next(deny.invalidToken());
        res.locals.auth = info satisfies AuthContext;
        next();
      },
      (err: unknown) => next(err),
    );
  };
}

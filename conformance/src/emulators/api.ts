import type { Fault, FaultEnv } from '../faults/types.js';
import type { AuthServer } from './auth-server.js';
import { clrError, familyError, obcError } from './envelopes.js';
import type { Answer, Family, Incoming } from './types.js';

/** What the API handlers need from the emulator for one request. */
export interface ApiContext {
  origin: string;
  family: Family;
  auth: AuthServer;
  fault: Fault | undefined;
  faultEnv: FaultEnv;
}

const CHALLENGE: Record<string, string> = {
  missing: 'Bearer realm="api"',
  unknown: 'Bearer error="invalid_token", error_description="Unknown access token"',
  expired: 'Bearer error="invalid_token", error_description="The access token expired"',
  revoked: 'Bearer error="invalid_token", error_description="The access token was revoked"',
};

/**
 * The pipeline every protected endpoint shares: bearer token, scope, the scenario's fault, then the
 * handler. Insufficient scope is 401 PERMISSION_DENIED for Badge Connect and 403 forbidden for CLR.
 */
export function guarded(req: Incoming, ctx: ApiContext, scope: string, write: boolean, handler: () => Answer): Answer {
  const found = ctx.auth.bearer(req);
  if (!found.token) {
    const problem = found.problem ?? 'missing';
    req.meta.token = problem;
    const answer = familyError(ctx.family, 401, problem === 'missing' ? 'An access token is required' : `The access token is ${problem === 'unknown' ? 'not known' : problem}`);
    return { ...answer, headers: { 'www-authenticate': CHALLENGE[problem] ?? CHALLENGE.missing! } };
  }
  const token = found.token;
  if (!token.scopes.includes(scope)) {
    req.meta.token = 'insufficient-scope';
    const answer = ctx.family === 'obc' ? obcError(401, `The token lacks the scope ${scope}`, 'PERMISSION_DENIED') : clrError(403, `The token lacks the scope ${scope}`);
    return { ...answer, headers: { 'www-authenticate': `Bearer error="insufficient_scope", scope="${scope}"` } };
  }
  req.meta.token = 'valid';
  const early = ctx.fault?.beforeApi?.(req, token, ctx.faultEnv) ?? (write ? ctx.fault?.beforeWrite?.(req, ctx.faultEnv) : undefined);
  if (early) return early;
  const answer = handler();
  if (answer.status < 300) ctx.fault?.afterApi?.(req, answer, ctx.faultEnv);
  return answer;
}

/** Parses a JSON body, or undefined when it is not JSON. */
export function jsonBody(req: Incoming): unknown {
  try {
    return JSON.parse(req.body);
  } catch {
    return undefined;
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

import type { Request, RequestHandler, Response } from 'express';
import type { ProviderContext } from '../context.js';
import { errors } from '../errors.js';
import { authOf } from '../middleware/require-bearer.js';
import { SCOPES } from '../scopes.js';
import { protectedBy } from './api-auth.js';

function sendProfile(ctx: ProviderContext): RequestHandler {
  return (_req: Request, res: Response) => {
    const profile = ctx.profiles.get(authOf(res).subject);
    if (!profile) throw errors.notFound();
    ctx.envelope.ok(res, ctx.faults.has('profile-missing') ? {} : { profile });
  };
}

/** GET {apiBase}/profile (operationId getProfile). */
export function getProfile(ctx: ProviderContext): RequestHandler[] {
  return [...protectedBy(ctx, SCOPES.profileReadonly), sendProfile(ctx)];
}

import type { Request, RequestHandler, Response } from 'express';
import { SchemaIds } from '../../../../schemas/src/registry.js';
import type { ProviderContext } from '../context.js';
import { errors } from '../errors.js';
import { parseJsonBody } from '../middleware/parse-json-body.js';
import { authOf } from '../middleware/require-bearer.js';
import { validateBody } from '../middleware/validate-body.js';
import { SCOPES } from '../scopes.js';
import { protectedBy } from './api-auth.js';

/** Identifier properties this provider adds; telephone is refused because it cannot be verified (SPEC21 allows 400). */
const ADDABLE = ['email', 'url'] as const;

const asList = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/**
 * Adds new `email` / `url` values. The user is the token's subject: the body's `id` (required by the
 * schema) is not used to pick a profile, and other properties (name, ...) are not changed here.
 */
function mergeIdentifiers(ctx: ProviderContext): RequestHandler {
  return (req: Request, res: Response) => {
    const { subject } = authOf(res);
    const body = req.body as Record<string, unknown>;
    if (body.telephone !== undefined && body.telephone !== null) {
      throw errors.badRequest('This provider cannot verify telephone numbers');
    }
    const profile = ctx.profiles.get(subject);
    if (!profile) throw errors.notFound();
    const updated = { ...profile };
    for (const prop of ADDABLE) {
      const current = asList(profile[prop]);
      const additions = asList(body[prop]).filter(
        (v) => !current.some((c) => (prop === 'email' ? c.toLowerCase() === v.toLowerCase() : c === v)),
      );
      if (additions.length === 0) continue;
      const merged = [...new Set([...current, ...additions])];
      // A single value stays a string, as OB 2.0 profiles usually carry it.
      updated[prop] = merged.length === 1 ? merged[0] : merged;
    }
    ctx.profiles.put(subject, updated, ctx.clock());
    ctx.envelope.ok(res, { profile: updated });
  };
}

/** POST {apiBase}/profile (operationId postProfile). */
export function postProfile(ctx: ProviderContext): RequestHandler[] {
  return [
    ...protectedBy(ctx, SCOPES.profileUpdate),
    ...parseJsonBody(),
    validateBody(SchemaIds.obc.postProfileRequest),
    mergeIdentifiers(ctx),
  ];
}

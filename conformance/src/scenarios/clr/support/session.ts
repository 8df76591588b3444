import { STATE, type DiscoveredApi, type TokenSet } from '../../../actions/types.js';
import type { ScenarioContext } from '../../../engine/context.js';
import { tokenWith, type ApiSession } from '../../api/support/session.js';

/** What every CLR API scenario starts from: the API built from discovery and the plan's main token. */
export interface ClrSession extends ApiSession {
  /** {apiBase}/clrs: getClrs, postClr, and the prefix of every getClr/deleteClr URL. */
  clrsUrl: string;
}

export function clrSession(ctx: ScenarioContext): ClrSession {
  const api = ctx.need<DiscoveredApi>(STATE.api, 'the CLR discovery document');
  const tokens = ctx.need<TokenSet>(STATE.tokens, 'an access token');
  const base = api.apiBase.replace(/\/+$/, '');
  // assertionsUrl/profileUrl are Badge Connect paths the shared token helpers never call for CLR.
  return { api, tokens, assertionsUrl: `${base}/clrs`, profileUrl: `${base}/clrs`, clrsUrl: `${base}/clrs` };
}

/** A token with `scope` (the plan's, or a new authorization for that scope alone). */
export function clrToken(ctx: ScenarioContext, s: ClrSession, scope: string): Promise<TokenSet> {
  return tokenWith(ctx, s, scope);
}

/** The URL of one CLR: its id when that is a getClr URL, else {clrsUrl}/{encoded id}. */
export function clrUrl(s: ClrSession, id: string): string {
  return id.startsWith(`${s.clrsUrl}/`) ? id : `${s.clrsUrl}/${encodeURIComponent(id)}`;
}

/** A listed record with the ClrSet's @context, so it can stand alone (schema, JSON-LD, hosted comparison). */
export function withContext(doc: unknown, context: unknown): unknown {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || '@context' in doc || context === undefined) return doc;
  return { '@context': context, ...(doc as Record<string, unknown>) };
}

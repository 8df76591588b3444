import { STATE, type DiscoveredApi, type TokenSet } from '../../../actions/types.js';
import { obtainToken } from '../../../actions/obtain-token.js';
import type { ScenarioContext } from '../../../engine/context.js';

/** What every API scenario starts from: the discovered API and the plan's main token. */
export interface ApiSession {
  api: DiscoveredApi;
  tokens: TokenSet;
  assertionsUrl: string;
  profileUrl: string;
}

export function apiSession(ctx: ScenarioContext): ApiSession {
  const api = ctx.need<DiscoveredApi>(STATE.api, 'the Badge Connect manifest');
  const tokens = ctx.need<TokenSet>(STATE.tokens, 'an access token');
  const base = api.apiBase.replace(/\/+$/, '');
  return { api, tokens, assertionsUrl: `${base}/assertions`, profileUrl: `${base}/profile` };
}

export const bearer = (token: TokenSet): Record<string, string> => ({ authorization: `Bearer ${token.accessToken}` });

export function withQuery(url: string, params: Record<string, string | number | undefined>): string {
  const u = new URL(url);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, String(v));
  return u.toString();
}

/** True when the scope may be asked for: offered by the manifest and granted to the registered client. */
export function scopeOffered(s: ApiSession, scope: string): boolean {
  return s.api.scopesOffered.includes(scope);
}

/**
 * A token carrying `scope`: the plan's token when it has it, else a new authorization for just that
 * scope; skips the scenario when the provider does not offer the scope at all.
 */
export async function tokenWith(ctx: ScenarioContext, s: ApiSession, scope: string): Promise<TokenSet> {
  if (s.tokens.scopes.includes(scope)) return s.tokens;
  if (!scopeOffered(s, scope)) ctx.skip(`the manifest does not offer the scope ${scope}`);
  const token = await obtainToken(ctx, [scope]);
  ctx.secret(token.accessToken);
  return token;
}

/** A token lacking `scope`, for insufficient-scope tests: another offered scope only. */
export async function tokenWithout(ctx: ScenarioContext, s: ApiSession, scope: string, prefer: string[]): Promise<TokenSet> {
  const other = prefer.find((p) => p !== scope && scopeOffered(s, p));
  if (!other) ctx.skip(`the manifest offers no scope other than ${scope} to build a token without it`);
  const token = await obtainToken(ctx, [other]);
  ctx.secret(token.accessToken);
  return token;
}

import { SCOPES, type TokenSet } from '../../../actions/types.js';
import type { ScenarioContext } from '../../../engine/context.js';
import type { HttpExchange } from '../../../engine/http.js';
import { bearer, tokenWith, type ApiSession } from './session.js';
import { walkPages, type Walk } from './walk.js';

/** PlanState key: the assertion provider-post-assertion stored, for the scenarios after it. */
export const POSTED_ASSERTION = 'obc.postedAssertion';

export interface PostedAssertion {
  assertion: Record<string, unknown>;
  /** The Assertion Payload it was posted with (re-posted unchanged by the scenarios after). */
  payload: { assertion: Record<string, unknown> } | { signedAssertion: string };
  recipientEmail: string;
}

export function postAssertion(ctx: ScenarioContext, s: ApiSession, token: TokenSet, payload: unknown, label: string): Promise<HttpExchange> {
  return ctx.http.send({ method: 'POST', url: s.assertionsUrl, headers: bearer(token), json: payload, label });
}

/**
 * Every record the provider lists now, read with an assertion.readonly token (the plan's, or a new
 * one for that scope alone when the write plan's token lacks it).
 */
export async function listAll(ctx: ScenarioContext, s: ApiSession, label: string, query = ''): Promise<Walk> {
  const token = await tokenWith(ctx, s, SCOPES.assertionRead);
  return walkPages(ctx, token, `${s.assertionsUrl}${query}`, label);
}

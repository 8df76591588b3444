import { SCOPES } from '../../../actions/types.js';
import type { ScenarioContext } from '../../../engine/context.js';
import { FALLBACK_RECIPIENT } from './fixture-assertion.js';
import { bearer, scopeOffered, tokenWith, type ApiSession } from './session.js';

export interface Recipient {
  email: string;
  /** False when the fallback address is used: a RECIPIENT_PROFILE_MISMATCH is then the provider's right. */
  fromProfile: boolean;
}

/**
 * The signed-in user's email from GET /profile when profile.readonly is offered; otherwise a fixed
 * example.org address, so the run needs no configuration (a provider may then refuse the recipient).
 */
export async function resolveRecipient(ctx: ScenarioContext, s: ApiSession): Promise<Recipient> {
  if (!scopeOffered(s, SCOPES.profileRead)) return { email: FALLBACK_RECIPIENT, fromProfile: false };
  const token = await tokenWith(ctx, s, SCOPES.profileRead);
  const x = await ctx.http.send({ url: s.profileUrl, headers: bearer(token), label: 'GET profile (recipient email)' });
  const profile = (x.json() as { profile?: { email?: unknown } } | undefined)?.profile;
  const email = Array.isArray(profile?.email) ? profile.email[0] : profile?.email;
  return typeof email === 'string' && email.includes('@') ? { email, fromProfile: true } : { email: FALLBACK_RECIPIENT, fromProfile: false };
}

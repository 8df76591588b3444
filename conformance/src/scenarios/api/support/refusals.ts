import { ensureHeader } from '../../../checks/http/ensure-header.js';
import { ensureStatus } from '../../../checks/http/ensure-status.js';
import type { ScenarioContext } from '../../../engine/context.js';
import type { HttpExchange } from '../../../engine/http.js';
import { checkEnvelope } from './check-envelope.js';

const bearerChallenge = ensureHeader('WWW-Authenticate', { describe: 'use the Bearer scheme', accept: (v) => /^\s*bearer\b/i.test(v) });

export async function expectUnauthenticated(ctx: ScenarioContext, x: HttpExchange, what: string, endpoint: 'getAssertions' | 'getProfile' | 'postAssertion'): Promise<void> {
  const refused = await ctx.mustContinue(ensureStatus(401), x, ['OBC21-AUTH-BEARER'], { title: `${what} is refused with 401` });
  if (refused.outcome !== 'pass') return;
  await checkEnvelope(ctx, x, endpoint, 'unauthenticated', what);
  await ctx.mustContinue(bearerChallenge, x, ['OBC21-AUTH-CHALLENGE'], { title: `${what}: WWW-Authenticate names the Bearer scheme` });
}

/** Insufficient scope: OB 2.1's table says 401 PERMISSION_DENIED, RFC 6750 §3.1 says 403; both pass the MUST. */
export async function expectInsufficientScope(ctx: ScenarioContext, x: HttpExchange, what: string, endpoint: 'getAssertions' | 'postAssertion'): Promise<void> {
  const refused = await ctx.mustContinue(ensureStatus(401, 403), x, ['OBC21-SCOPE'], { title: `${what} is refused (401 or 403)` });
  if (refused.outcome !== 'pass') return;
  await ctx.should(ensureStatus(401), x, ['OBC21-SCOPE-401'], {
    title: `${what}: 401 as OB 2.1's response table lists for PERMISSION_DENIED (RFC 6750 §3.1 would use 403)`,
  });
  await checkEnvelope(ctx, x, endpoint, 'insufficient-scope', what);
}


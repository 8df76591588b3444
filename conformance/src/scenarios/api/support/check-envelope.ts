import { ensureJsonBody } from '../../../checks/http/ensure-json-body.js';
import { ensureStatusEnvelope } from '../../../checks/obc/ensure-status-envelope.js';
import { ensureStatusText, type BcEndpoint, type RefusalCause } from '../../../checks/obc/ensure-status-text.js';
import type { ScenarioContext } from '../../../engine/context.js';
import type { HttpExchange } from '../../../engine/http.js';

/**
 * The body of any Badge Connect response, success or error: JSON, the status envelope, and a
 * statusText the table allows. All MUST, all continuing, so one response yields every fact.
 */
export async function checkEnvelope(
  ctx: ScenarioContext,
  x: HttpExchange,
  endpoint: BcEndpoint,
  cause?: RefusalCause,
  title?: string,
): Promise<boolean> {
  const opts = title ? { title: `${title}: JSON body` } : undefined;
  const json = await ctx.mustContinue(ensureJsonBody, x, ['OBC21-ENVELOPE'], opts);
  if (json.outcome !== 'pass') return false;
  const env = await ctx.mustContinue(ensureStatusEnvelope, x, ['OBC21-ENVELOPE'], title ? { title: `${title}: status envelope` } : undefined);
  const text = await ctx.mustContinue(ensureStatusText(endpoint, cause), x, ['OBC21-STATUS-TEXT'], title ? { title: `${title}: statusText` } : undefined);
  return env.outcome === 'pass' && text.outcome !== 'fail';
}

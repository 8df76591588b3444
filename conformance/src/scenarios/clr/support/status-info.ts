import { codeMinorValues, ensureCodeMinor, ensureCodeMinorPresent } from '../../../checks/clr/ensure-code-minor.js';
import { ensureStatusInfo } from '../../../checks/clr/ensure-status-info.js';
import { ensureJsonBody } from '../../../checks/http/ensure-json-body.js';
import type { ScenarioContext } from '../../../engine/context.js';
import type { HttpExchange } from '../../../engine/http.js';

export const STATUS_INFO_REQUIREMENTS = ['CLR10-STATUS-INFO', 'CLR10-CODE-MINOR-PRESENT', 'CLR10-CODE-MINOR', 'CLR10-CODE-MINOR-EXACT'];

/** The usual codeMinor for an error (clr.md §2.3 [R]); `query` marks a bad query parameter. */
export function preferredCodeMinor(status: number, query = false): string | undefined {
  if (status === 400) return query ? 'invalid_query_parameter' : 'invalid_data';
  if (status === 401) return 'unauthorizedrequest';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 405 || status === 410) return 'invalid_data';
  if (status >= 500) return 'internal_server_error';
  return undefined;
}

/**
 * Every CLR error the suite sees goes through here: JSON, imsx_StatusInfo (MUST), a codeMinor given
 * (SHOULD: optional in the official schema), one that fits the status when given (SHOULD: reconstructed),
 * and the usual codeMinor for the situation (SHOULD).
 */
export async function checkStatusInfo(ctx: ScenarioContext, x: HttpExchange, what: string, options: { query?: boolean } = {}): Promise<void> {
  const json = await ctx.mustContinue(ensureJsonBody, x, ['CLR10-STATUS-INFO'], { title: `${what}: JSON body` });
  if (json.outcome !== 'pass') return;
  const shape = await ctx.mustContinue(ensureStatusInfo, x, ['CLR10-STATUS-INFO'], { title: `${what}: imsx_StatusInfo` });
  if (shape.outcome !== 'pass') return;
  await ctx.should(ensureCodeMinorPresent, x, ['CLR10-CODE-MINOR-PRESENT'], { title: `${what}: imsx_codeMinor given` });
  if (codeMinorValues(x.json()).length === 0) return;
  // Which value fits which status is our reading of 1EdTech practice (clr.md §2.3 [R]): a warning at most.
  const fits = await ctx.should(ensureCodeMinor(), x, ['CLR10-CODE-MINOR'], { title: `${what}: codeMinor fits HTTP ${x.status}` });
  const preferred = preferredCodeMinor(x.status, options.query);
  if (fits.outcome === 'pass' && preferred) {
    await ctx.should(ensureCodeMinor(preferred), x, ['CLR10-CODE-MINOR-EXACT'], { title: `${what}: codeMinor is ${preferred}` });
  }
}

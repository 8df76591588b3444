import type { ScenarioContext } from '../engine/context.js';
import type { HttpExchange } from '../engine/http.js';
import { CLR_SCOPES } from './clr/constants.js';
import { SCOPES, type DiscoveredApi } from './types.js';

/** The read scopes a probe can use, in order of preference. */
export const PROBE_SCOPES: string[] = [SCOPES.assertionRead, SCOPES.profileRead, CLR_SCOPES.readonly];

/**
 * One cheap protected call to see whether a token is accepted: GET /assertions?limit=1 with
 * assertion.readonly, else GET /profile with profile.readonly, else the CLR getClrs?limit=1 with the CLR
 * readonly scope. Undefined when the token has none of them.
 */
export async function probeApi(
  ctx: ScenarioContext,
  api: DiscoveredApi,
  accessToken: string,
  scopes: readonly string[],
  label = 'probe API with token',
): Promise<HttpExchange | undefined> {
  const path = scopes.includes(SCOPES.assertionRead)
    ? '/assertions?limit=1'
    : scopes.includes(SCOPES.profileRead)
      ? '/profile'
      : scopes.includes(CLR_SCOPES.readonly)
        ? '/clrs?limit=1'
        : undefined;
  if (!path) return undefined;
  return ctx.http.send({
    url: `${api.apiBase}${path}`,
    headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
    label,
  });
}

/**
 * Probes until the API refuses the token or `graceMs` passes: providers may cache introspection results
 * for a few seconds, so a revocation can take that long to show.
 */
export async function probeUntilRefused(
  ctx: ScenarioContext,
  api: DiscoveredApi,
  accessToken: string,
  scopes: readonly string[],
  graceMs = 6_000,
): Promise<HttpExchange | undefined> {
  const deadline = Date.now() + graceMs;
  for (;;) {
    const x = await probeApi(ctx, api, accessToken, scopes, 'probe API after the token should stop working');
    if (!x || x.status !== 200 || Date.now() >= deadline) return x;
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

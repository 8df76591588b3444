import { createFetcher, type Fetcher } from '../../../../verification/src/index.js';
import type { ScenarioContext } from '../../engine/context.js';

/** Statuses whose Response may not carry a body (the Fetch standard's "null body status"). */
const NULL_BODY = new Set([101, 204, 205, 304]);

export interface RunFetcherOptions {
  /** Network access for documents no `resolve` prefix serves. */
  allowNetwork: boolean;
  /** Local folders standing in for URL prefixes (validate --resolve). */
  resolve?: { prefix: string; dir: string }[];
  /** When set, only URLs on this origin are fetched (a provider run talks to the target, nothing else). */
  origin?: string;
  /** Sent as a bearer token to URLs under this prefix (a Clr's id is its getClr URL, which is protected). */
  protectedPrefix?: string;
  accessToken?: string;
}

/**
 * The verification library's fetcher for a scenario: every network request goes through the run's HTTP
 * client, so it is recorded (and redacted) like any other exchange and bounded by the run's limits.
 */
export function runFetcher(ctx: ScenarioContext, options: RunFetcherOptions): Fetcher {
  const fetchImpl = (async (input: string | URL | Request) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    const headers: Record<string, string> = { accept: 'application/ld+json, application/json' };
    if (options.accessToken && options.protectedPrefix && url.startsWith(options.protectedPrefix)) {
      headers.authorization = `Bearer ${options.accessToken}`;
    }
    const x = await ctx.http.send({ url, headers, label: `verification: GET ${new URL(url).pathname}` });
    if (x.status === 0) throw new TypeError(x.error?.message ?? 'no response');
    const responseHeaders = new Headers();
    for (const [k, v] of Object.entries(x.headers)) {
      try {
        responseHeaders.set(k, v);
      } catch {
        // a header value fetch cannot represent says nothing the verification needs
      }
    }
    return new Response(NULL_BODY.has(x.status) ? null : x.text, { status: x.status, headers: responseHeaders });
  }) as typeof fetch;
  const inner = createFetcher({
    allowNetwork: options.allowNetwork,
    ...(options.resolve ? { resolve: options.resolve } : {}),
    fetchImpl,
    timeoutMs: ctx.config.timeoutMs,
    maxBytes: ctx.config.maxResponseBytes,
  });
  const origin = options.origin;
  if (!origin) return inner;
  return async (url) => {
    let actual: string | undefined;
    try {
      actual = new URL(url).origin;
    } catch {
      actual = undefined;
    }
    if (actual !== origin) {
      return { ok: false, url, reason: 'not-allowed', message: `${url} is outside the target origin ${origin}; the run fetches nothing else` };
    }
    return inner(url);
  };
}

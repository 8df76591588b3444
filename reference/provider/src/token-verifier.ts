import type { Clock } from '../../shared/clock.js';
import { INTROSPECTION_TIMEOUT_MS, MAX_INTROSPECTION_CACHE_SECONDS } from './defaults.js';
import type { ProviderFaults } from './faults.js';

/** What the provider needs to know about an accepted access token. */
export interface TokenInfo {
  /** Demo user id (`sub`). */
  subject: string;
  scopes: string[];
  clientId: string | null;
}

/** The only way the app learns about tokens; `null` means inactive, expired, revoked or unknown. */
export interface TokenVerifier {
  verify(token: string): Promise<TokenInfo | null>;
}

export interface IntrospectionOptions {
  introspectionUrl: string;
  clientId: string;
  clientSecret: string;
  cacheSeconds: number;
  clock: Clock;
  faults: ProviderFaults;
}

/** Thrown when the authorization server cannot answer; the request fails with 500, never with 401. */
export class IntrospectionUnavailable extends Error {}

/** RFC 7662 introspection at the auth server, with a short per-token cache. */
export class IntrospectionVerifier implements TokenVerifier {
  private readonly cache = new Map<string, { info: TokenInfo | null; until: number }>();
  /** Tokens seen active, remembered only under fault `revoked-token-accepted`. */
  private readonly seenActive = new Map<string, TokenInfo>();
  private readonly cacheMs: number;

  constructor(private readonly options: IntrospectionOptions) {
    this.cacheMs = Math.min(Math.max(options.cacheSeconds, 0), MAX_INTROSPECTION_CACHE_SECONDS) * 1000;
  }

  async verify(token: string): Promise<TokenInfo | null> {
    const now = this.options.clock();
    const cached = this.cache.get(token);
    if (cached && cached.until > now) return cached.info;
    if (this.options.faults.has('revoked-token-accepted') && this.seenActive.has(token)) {
      return this.seenActive.get(token) ?? null;
    }
    const info = await this.introspect(token, now);
    if (info && this.options.faults.has('revoked-token-accepted')) this.seenActive.set(token, info);
    if (this.cacheMs > 0) {
      this.pruneCache(now);
      this.cache.set(token, { info, until: now + this.cacheMs });
    }
    return info;
  }

  private async introspect(token: string, now: number): Promise<TokenInfo | null> {
    const { introspectionUrl, clientId, clientSecret } = this.options;
    const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64');
    let body: unknown;
    try {
      const res = await fetch(introspectionUrl, {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ token, token_type_hint: 'access_token' }).toString(),
        signal: AbortSignal.timeout(INTROSPECTION_TIMEOUT_MS),
      });
      if (!res.ok) throw new IntrospectionUnavailable(`introspection answered ${res.status}`);
      body = await res.json();
    } catch (err) {
      if (err instanceof IntrospectionUnavailable) throw err;
      throw new IntrospectionUnavailable('introspection request failed');
    }
    return toTokenInfo(body, now);
  }

  private pruneCache(now: number): void {
    for (const [key, entry] of this.cache) if (entry.until <= now) this.cache.delete(key);
  }
}

/** Interprets an RFC 7662 answer; anything but an active, unexpired token with a subject is inactive. */
export function toTokenInfo(body: unknown, now: number): TokenInfo | null {
  if (typeof body !== 'object' || body === null) throw new IntrospectionUnavailable('introspection body is not an object');
  const r = body as Record<string, unknown>;
  if (r.active !== true) return null;
  if (typeof r.sub !== 'string' || r.sub === '') return null;
  // Defence in depth: do not trust `active` alone when `exp` says the token is over.
  if (typeof r.exp === 'number' && r.exp * 1000 <= now) return null;
  const scopes = typeof r.scope === 'string' ? r.scope.split(' ').filter(Boolean) : [];
  return { subject: r.sub, scopes, clientId: typeof r.client_id === 'string' ? r.client_id : null };
}

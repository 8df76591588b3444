/** Authorized API calls: bearer token in the header, one refresh on an expired token, then one retry. */
import { RETRY_FOREVER_DELAY_MS } from '../defaults.js';
import type { ConsumerFaults } from '../faults.js';
import { describeUrl, httpRequest, ProviderError, type HttpOptions, type HttpResponse } from './http.js';
import { refreshTokens, type ClientCredentials, type TokenSet } from './oauth.js';

export interface ApiSessionOptions {
  tokenUrl: string;
  client: ClientCredentials;
  tokens: TokenSet;
  faults: ConsumerFaults;
  http?: HttpOptions;
  /** Called with every new token set so it can be stored at once (a rotated refresh token is single-use). */
  onTokens?: (tokens: TokenSet) => void;
}

/** A 401 that means "this token no longer works" (as opposed to insufficient_scope). */
function tokenRejected(res: HttpResponse): boolean {
  if (res.status !== 401) return false;
  return !/error\s*=\s*"?insufficient_scope/i.test(res.headers.get('www-authenticate') ?? '');
}

export class ApiSession {
  tokens: TokenSet;
  /** Requests sent, for the summary of the headless command. */
  calls = 0;
  constructor(private readonly o: ApiSessionOptions) {
    this.tokens = o.tokens;
  }

  async call(method: 'GET' | 'POST', url: string, body?: unknown, accept = 'application/json'): Promise<HttpResponse> {
    let res = await this.send(method, url, body, accept);
    if (!tokenRejected(res)) return res;
    if (this.o.faults.has('no-refresh')) return res;
    try {
      await this.refresh();
    } catch (err) {
      if (!this.o.faults.has('retry-forever')) {
        throw new ProviderError(`Access was revoked or has ended: ${(err as Error).message}. Reconnect to continue.`, 'refused', 401);
      }
      return this.retryForever(method, url, body, accept);
    }
    res = await this.send(method, url, body, accept);
    return res;
  }

  private async refresh(): Promise<void> {
    this.tokens = await refreshTokens(this.o.tokenUrl, this.o.client, this.tokens, this.o.faults, this.o.http);
    this.o.onTokens?.(this.tokens);
  }

  /** Fault `retry-forever`: ignores the revoked grant and keeps calling until the time limit ends it. */
  private async retryForever(method: 'GET' | 'POST', url: string, body: unknown, accept: string): Promise<HttpResponse> {
    for (;;) {
      await new Promise((r) => setTimeout(r, RETRY_FOREVER_DELAY_MS));
      const res = await this.send(method, url, body, accept);
      if (!tokenRejected(res)) return res;
    }
  }

  private async send(method: 'GET' | 'POST', url: string, body: unknown, accept: string): Promise<HttpResponse> {
    this.calls++;
    const headers: Record<string, string> = { Accept: accept };
    let target = url;
    if (this.o.faults.has('token-in-query')) {
      const u = new URL(url);
      u.searchParams.set('access_token', this.tokens.accessToken);
      target = u.href;
    } else {
      headers.Authorization = `Bearer ${this.tokens.accessToken}`;
    }
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const init = body === undefined ? { method, headers } : { method, headers, body: JSON.stringify(body) };
    const res = await httpRequest(target, init, this.o.http);
    // Never keep the token-bearing URL in anything that might be shown.
    return { ...res, url };
  }
}

export function unexpected(res: HttpResponse, what: string): ProviderError {
  return new ProviderError(`${what} failed: ${describeUrl(res.url)} answered HTTP ${res.status}${errorDetail(res)}`, 'refused', res.status);
}

/** The Badge Connect `status.error` / CLR `imsx_description`, when the body has one. */
export function errorDetail(res: HttpResponse): string {
  try {
    const body = JSON.parse(res.text) as Record<string, unknown>;
    const status = body.status as Record<string, unknown> | undefined;
    const text = status && typeof status.statusText === 'string'
      ? `${status.statusText}${typeof status.error === 'string' ? `: ${status.error}` : ''}`
      : typeof body.imsx_description === 'string' ? body.imsx_description : '';
    return text ? ` (${text.slice(0, 200)})` : '';
  } catch {
    return '';
  }
}

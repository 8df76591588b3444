/** The wallet's one way to talk to providers: bounded time and size, never following redirects silently. */
import { MAX_RESPONSE_BYTES, REQUEST_TIMEOUT_MS } from '../defaults.js';

/** Why a provider interaction failed; `message` is safe to show to the person and to print. */
export class ProviderError extends Error {
  constructor(
    message: string,
    /** refused: the provider answered with an error; failed: unusable answer; network: no answer. */
    readonly kind: 'refused' | 'failed' | 'network' = 'failed',
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface HttpResponse {
  url: string;
  status: number;
  headers: Headers;
  text: string;
}

export interface HttpOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Absolute time (ms since epoch) after which nothing more is sent: the headless command's --timeout. */
  deadline?: number;
}

export interface RequestInit2 {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export async function httpRequest(url: string, init: RequestInit2, options: HttpOptions = {}): Promise<HttpResponse> {
  const timeoutMs = Math.min(options.timeoutMs ?? REQUEST_TIMEOUT_MS, remaining(options.deadline));
  if (timeoutMs <= 0) throw new ProviderError('the time limit was reached', 'network');
  const signal = AbortSignal.timeout(timeoutMs);
  let res: Response;
  try {
    res = await (options.fetch ?? fetch)(url, { ...init, redirect: 'manual', signal });
  } catch (err) {
    const reason = (err as Error).name === 'TimeoutError' ? 'timed out' : 'could not be reached';
    throw new ProviderError(`${describeUrl(url)} ${reason}`, 'network');
  }
  const text = await readCapped(res, url);
  return { url, status: res.status, headers: res.headers, text };
}

function remaining(deadline: number | undefined): number {
  return deadline === undefined ? Number.POSITIVE_INFINITY : deadline - Date.now();
}

async function readCapped(res: Response, url: string): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > MAX_RESPONSE_BYTES) throw new ProviderError(`${describeUrl(url)} answered with a body that is too large`);
  const buffer = Buffer.from(await res.arrayBuffer());
  if (buffer.length > MAX_RESPONSE_BYTES) throw new ProviderError(`${describeUrl(url)} answered with a body that is too large`);
  return buffer.toString('utf8');
}

/** JSON body of a response, or a clear error naming what was expected. */
export function parseJson(res: HttpResponse, what: string): unknown {
  try {
    return JSON.parse(res.text) as unknown;
  } catch {
    throw new ProviderError(`${what} is not JSON (HTTP ${res.status} from ${describeUrl(res.url)})`, 'failed', res.status);
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Origin and path only: query strings may carry codes or tokens and never reach a message or log. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return 'the provider';
  }
}

/** OAuth JSON error (`error`, `error_description`) as one line, or the HTTP status. */
export function oauthErrorText(res: HttpResponse): string {
  try {
    const body = JSON.parse(res.text) as Record<string, unknown>;
    if (typeof body.error === 'string') {
      const detail = typeof body.error_description === 'string' ? `: ${body.error_description}` : '';
      return `${body.error}${detail}`.slice(0, 300);
    }
  } catch {
    // not JSON: fall back to the status
  }
  return `HTTP ${res.status}`;
}

/** Loopback hosts may use http (RFC 8252 §8.3); everything else must be https. */
export function isLoopback(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === 'localhost' || h === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** Parses a URL a provider (or the person) gave; only https, or http on loopback. */
export function checkedUrl(value: unknown, what: string): URL {
  if (typeof value !== 'string' || value === '') throw new ProviderError(`${what} is missing`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ProviderError(`${what} is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new ProviderError(`${what} must use https (http only on this computer's loopback address)`);
  }
  if (url.username || url.password) throw new ProviderError(`${what} must not contain a user name or password`);
  return url;
}

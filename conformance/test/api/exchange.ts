/** Builds HttpExchange values for check unit tests, without any network. */
import type { HttpExchange } from '../../src/engine/http.js';
import type { Verdict } from '../../src/engine/verdict.js';

export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Raw text instead of a JSON body. */
  text?: string;
  url?: string;
  method?: string;
}

export function exchange(r: FakeResponse = {}): HttpExchange {
  const text = r.text ?? (r.body === undefined ? '' : JSON.stringify(r.body));
  const headers: Record<string, string> = { ...(r.body !== undefined && r.text === undefined ? { 'content-type': 'application/json' } : {}) };
  for (const [k, v] of Object.entries(r.headers ?? {})) headers[k.toLowerCase()] = v;
  return {
    id: 'x1',
    request: { method: r.method ?? 'GET', url: r.url ?? 'https://provider.example.com/ims/ob/v2p1/assertions', headers: {} },
    status: r.status ?? 200,
    headers,
    setCookies: [],
    text,
    truncated: false,
    durationMs: 1,
    json() {
      try {
        return text ? (JSON.parse(text) as unknown) : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/** A deep copy with one change, so every failing fixture is a named mutation of a valid one. */
export function mutate<T>(value: T, change: (copy: T) => void): T {
  const copy = structuredClone(value);
  change(copy);
  return copy;
}

/** The verdict of a synchronous check (a Promise here is a test bug). */
export function verdictOf(v: Verdict | Promise<Verdict>): Verdict {
  if (v instanceof Promise) throw new Error('expected a synchronous check');
  return v;
}

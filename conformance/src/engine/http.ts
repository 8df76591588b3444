import { randomUUID } from 'node:crypto';
import type { HttpEvent, RecordedRequest, RecordedResponse } from './events.js';
import { nowIso } from './events.js';
import type { Redactor } from './redact.js';

export interface HttpRequest {
  method?: string;
  url: string;
  headers?: Record<string, string>;
  /** Sent as application/json. */
  json?: unknown;
  /** Sent as application/x-www-form-urlencoded. */
  form?: Record<string, string | undefined>;
  /** Raw body; set the content-type header yourself. */
  body?: string;
  /** Short human label shown in reports: 'register client', 'GET assertions page 2'. */
  label?: string;
  timeoutMs?: number;
}

export interface HttpExchange {
  id: string;
  label?: string;
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  /** 0 when no response arrived; `error` then says why. */
  status: number;
  /** Lower-cased header names; repeated headers joined with ', ' (Set-Cookie kept apart). */
  headers: Record<string, string>;
  setCookies: string[];
  text: string;
  truncated: boolean;
  error?: { code: 'timeout' | 'connection' | 'response-too-large' | 'invalid-url' | 'scenario-ended'; message: string };
  durationMs: number;
  /** Parsed JSON body, or undefined when the body is not JSON. */
  json(): unknown;
}

export interface HttpClientOptions {
  timeoutMs: number;
  maxResponseBytes: number;
  redactor: Redactor;
  /** Called with the redacted record of every exchange. */
  record: (event: Omit<HttpEvent, 'type' | 'time' | 'planId' | 'scenarioId'>) => void;
  userAgent: string;
  /**
   * Aborted when the scenario ends (also after its time limit): in-flight requests stop and later ones
   * are not sent, so an abandoned scenario neither keeps the process alive nor records after its end.
   */
  signal?: AbortSignal;
}

/**
 * The only way the suite talks to an implementation. Never follows redirects by itself (a redirect is
 * evidence), caps time and size, and records every exchange after redaction.
 */
export class HttpClient {
  constructor(private readonly options: HttpClientOptions) {}

  async send(req: HttpRequest): Promise<HttpExchange> {
    const method = (req.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = { 'user-agent': this.options.userAgent, ...lowerKeys(req.headers ?? {}) };
    let body: string | undefined = req.body;
    if (req.json !== undefined) {
      body = JSON.stringify(req.json);
      headers['content-type'] ??= 'application/json';
    } else if (req.form) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(req.form)) if (v !== undefined) params.append(k, v);
      body = params.toString();
      headers['content-type'] ??= 'application/x-www-form-urlencoded';
    }
    const id = randomUUID();
    const started = performance.now();
    const exchange: HttpExchange = {
      id,
      ...(req.label ? { label: req.label } : {}),
      request: { method, url: req.url, headers, ...(body !== undefined ? { body } : {}) },
      status: 0,
      headers: {},
      setCookies: [],
      text: '',
      truncated: false,
      durationMs: 0,
      json: () => undefined,
    };
    const ended = this.options.signal;
    if (ended?.aborted) {
      exchange.error = { code: 'scenario-ended', message: 'not sent: the scenario had already ended' };
      return exchange;
    }
    try {
      const timeout = AbortSignal.timeout(req.timeoutMs ?? this.options.timeoutMs);
      const res = await fetch(req.url, {
        method,
        headers,
        body,
        redirect: 'manual',
        signal: ended ? AbortSignal.any([timeout, ended]) : timeout,
      });
      exchange.status = res.status;
      res.headers.forEach((value, name) => {
        if (name !== 'set-cookie') exchange.headers[name] = value;
      });
      exchange.setCookies = res.headers.getSetCookie();
      if (exchange.setCookies.length) exchange.headers['set-cookie'] = exchange.setCookies.join(', ');
      const { text, truncated } = await readCapped(res, this.options.maxResponseBytes);
      exchange.text = text;
      exchange.truncated = truncated;
      if (truncated) {
        exchange.error = {
          code: 'response-too-large',
          message: `response body exceeds ${this.options.maxResponseBytes} bytes`,
        };
      }
    } catch (err) {
      exchange.error = ended?.aborted
        ? { code: 'scenario-ended', message: 'stopped: the scenario ended' }
        : classifyError(err, req.timeoutMs ?? this.options.timeoutMs);
    }
    exchange.durationMs = Math.round((performance.now() - started) * 10) / 10;
    let parsed: { value: unknown } | undefined;
    exchange.json = () => {
      if (!parsed) parsed = { value: parseJson(exchange.text) };
      return parsed.value;
    };
    // An exchange of an ended scenario would be recorded after its scenario-end: it is dropped.
    if (!ended?.aborted) this.options.record(this.toRecord(exchange));
    return exchange;
  }

  private toRecord(x: HttpExchange): Omit<HttpEvent, 'type' | 'time' | 'planId' | 'scenarioId'> {
    const r = this.options.redactor;
    const request: RecordedRequest = {
      method: x.request.method,
      url: r.url(x.request.url),
      headers: r.headers(x.request.headers),
      ...(x.request.body !== undefined ? { body: r.body(x.request.body, x.request.headers['content-type']) } : {}),
    };
    const response: RecordedResponse | undefined =
      x.status === 0
        ? undefined
        : {
            status: x.status,
            headers: r.headers(x.headers),
            ...(x.text ? { body: r.body(x.text, x.headers['content-type']) } : {}),
            ...(x.truncated ? { truncated: true } : {}),
          };
    return {
      id: x.id,
      ...(x.label ? { label: x.label } : {}),
      request,
      ...(response ? { response } : {}),
      ...(x.error ? { error: x.error } : {}),
      durationMs: x.durationMs,
    };
  }
}

export function recordTime(): string {
  return nowIso();
}

function lowerKeys(h: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) out[k.toLowerCase()] = v;
  return out;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function readCapped(res: Response, cap: number): Promise<{ text: string; truncated: boolean }> {
  if (!res.body) return { text: '', truncated: false };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      chunks.push(value.subarray(0, value.byteLength - (size - cap)));
      await reader.cancel();
      return { text: Buffer.concat(chunks).toString('utf8'), truncated: true };
    }
    chunks.push(value);
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated: false };
}

function classifyError(err: unknown, timeoutMs: number): NonNullable<HttpExchange['error']> {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return { code: 'timeout', message: `no response within ${timeoutMs} ms` };
  }
  if (e?.name === 'TypeError' && /invalid url|failed to parse url/i.test(e.message ?? '')) {
    return { code: 'invalid-url', message: e.message ?? 'invalid URL' };
  }
  const cause = e?.cause?.code ?? e?.cause?.message ?? e?.message ?? 'unknown error';
  return { code: 'connection', message: `connection failed: ${cause}` };
}

// Fetching documents a verification depends on: local --resolve mappings first, the network only if allowed.
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve as resolvePath } from 'node:path';

export type Fetcher = (url: string) => Promise<FetchedDocument>;
export type FetchedDocument =
  | { ok: true; url: string; status: number; contentType: string; body: string }
  | { ok: false; url: string; reason: 'not-allowed' | 'network' | 'timeout' | 'too-large' | 'not-found'; message: string };
export interface FetcherOptions {
  allowNetwork: boolean;
  resolve?: { prefix: string; dir: string }[];
  timeoutMs?: number;
  maxBytes?: number;
  fetchImpl?: typeof fetch;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 1024 * 1024;
export const MAX_REDIRECTS = 5;
const ACCEPT = 'application/ld+json, application/json';

type Failure = Extract<FetchedDocument, { ok: false }>;
const failure = (url: string, reason: Failure['reason'], message: string): Failure => ({ ok: false, url, reason, message });

/**
 * A Fetcher. A URL under a `resolve` prefix (longest prefix wins) is read from the mapped directory;
 * if that exact file is missing and its last segment has no extension, `<path>.json` is tried, so
 * `https://x/issuer` can be served by `issuer.json`. `..` escapes are refused. Anything else goes to the
 * network only when `allowNetwork` is true.
 */
export function createFetcher(options: FetcherOptions): Fetcher {
  const maps = [...(options.resolve ?? [])].sort((a, b) => b.prefix.length - a.prefix.length);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return async (url) => {
    const map = maps.find((m) => url.startsWith(m.prefix));
    if (map) return readMapped(url, url.slice(map.prefix.length), map.dir, maxBytes);
    if (!options.allowNetwork) return failure(url, 'not-allowed', `network access is not allowed (${url})`);
    return fetchNetwork(url, options.fetchImpl ?? fetch, timeoutMs, maxBytes);
  };
}

async function readMapped(url: string, rest: string, dir: string, maxBytes: number): Promise<FetchedDocument> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rest.replace(/[?#].*$/, ''));
  } catch {
    return failure(url, 'not-found', 'undecodable path');
  }
  const root = resolvePath(dir);
  const target = resolvePath(root, decoded);
  const rel = relative(root, target);
  // Checked on the decoded, normalised path so `%2e%2e/` and `a/../../` are caught too.
  if (decoded.split(/[\\/]/).includes('..') || rel.startsWith('..') || isAbsolute(rel) || decoded.includes('\0')) {
    return failure(url, 'not-allowed', `path traversal refused (${rest})`);
  }
  const candidates = extname(target) === '' ? [target, `${target}.json`] : [target];
  for (const file of candidates) {
    try {
      const info = await stat(file);
      if (!info.isFile()) continue;
      if (info.size > maxBytes) return failure(url, 'too-large', `${info.size} bytes exceeds the cap of ${maxBytes}`);
      const body = await readFile(file, 'utf8');
      const contentType = file.endsWith('.jsonld') ? 'application/ld+json' : 'application/json';
      return { ok: true, url, status: 200, contentType, body };
    } catch {
      // try the next candidate
    }
  }
  return failure(url, 'not-found', `no file for ${url} under ${dir}`);
}

async function fetchNetwork(url: string, fetchImpl: typeof fetch, timeoutMs: number, maxBytes: number): Promise<FetchedDocument> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let current = url;
  try {
    // Redirects are followed by hand so the hop count is bounded and every hop must stay http(s).
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (!/^https?:\/\//i.test(current)) return failure(url, 'network', `not an http(s) URL: ${current}`);
      const res = await fetchImpl(current, { headers: { accept: ACCEPT }, redirect: 'manual', signal: controller.signal });
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel();
        current = new URL(location, current).toString();
        continue;
      }
      const declared = Number(res.headers.get('content-length') ?? NaN);
      if (declared > maxBytes) {
        await res.body?.cancel();
        return failure(url, 'too-large', `Content-Length ${declared} exceeds the cap of ${maxBytes}`);
      }
      const body = await readCapped(res, maxBytes);
      if (body === undefined) return failure(url, 'too-large', `body exceeds the cap of ${maxBytes} bytes`);
      return { ok: true, url: current, status: res.status, contentType: res.headers.get('content-type') ?? '', body };
    }
    return failure(url, 'network', `more than ${MAX_REDIRECTS} redirects`);
  } catch (err) {
    if (controller.signal.aborted) return failure(url, 'timeout', `no complete answer within ${timeoutMs} ms`);
    return failure(url, 'network', err instanceof Error ? err.message : String(err));
  } finally {
    clearTimeout(timer);
  }
}

/** The body as text, or undefined once more than maxBytes arrived (the rest is not read). */
async function readCapped(res: Response, maxBytes: number): Promise<string | undefined> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

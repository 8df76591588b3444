// Loading the JSON documents a verification depends on (badge classes, profiles, keys, lists).
import type { Fetcher } from './fetcher.js';
import { isHttpUrl, isObject, type Json } from './result.js';

export type Loaded =
  | { ok: true; doc: Json; url: string; source: 'fetched' | 'embedded' }
  | { ok: false; url: string; status?: number; message: string; body?: Json };

/** GET a URL and parse a JSON object. Non-2xx answers are failures that keep their status (410 matters). */
export async function loadJson(fetcher: Fetcher, url: string): Promise<Loaded> {
  const res = await fetcher(url);
  if (!res.ok) return { ok: false, url, message: `${res.reason}: ${res.message}` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.body);
  } catch {
    parsed = undefined;
  }
  if (res.status < 200 || res.status > 299) {
    const base = { ok: false as const, url, status: res.status, message: `HTTP ${res.status} from ${url}` };
    return isObject(parsed) ? { ...base, body: parsed } : base;
  }
  if (!isObject(parsed)) return { ok: false, url, status: res.status, message: `${url} did not answer with a JSON object` };
  return { ok: true, doc: parsed, url: res.url, source: 'fetched' };
}

/**
 * A property that is either an IRI to fetch or an embedded object. An embedded object with an http(s)
 * id is re-fetched when possible (the published copy is authoritative, as in the reference validator);
 * when that fails the embedded copy is used and marked as such.
 */
export async function loadRef(fetcher: Fetcher, value: unknown, what: string): Promise<Loaded> {
  if (typeof value === 'string') return loadJson(fetcher, value);
  if (!isObject(value)) return { ok: false, url: '', message: `${what} is missing` };
  const id = value['id'];
  if (isHttpUrl(id)) {
    const fetched = await loadJson(fetcher, id);
    if (fetched.ok && fetched.doc['id'] === id) return fetched;
  }
  return { ok: true, doc: value, url: typeof id === 'string' ? id : '', source: 'embedded' };
}

/** Ids named by a one-or-many property whose entries are IRIs or objects with an id. */
export function idsOf(value: unknown): string[] {
  const out: string[] = [];
  for (const entry of Array.isArray(value) ? value : [value]) {
    if (typeof entry === 'string') out.push(entry);
    else if (isObject(entry) && typeof entry['id'] === 'string') out.push(entry['id']);
  }
  return out;
}

/** The type names of a JSON-LD `type` (string or array). */
export function typesOf(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).filter((t): t is string => typeof t === 'string');
}

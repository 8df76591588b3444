import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './defaults.js';
import { errors } from './errors.js';

const INT32_MAX = 2_147_483_647;

export interface PagingQuery {
  limit: number;
  offset: number;
  /** `since` as epoch ms and as sent (kept verbatim in Link URLs). */
  since: number | null;
  sinceRaw: string | null;
}

/** Parses `limit`, `offset`, `since` (OAS21 getAssertions); any malformed value is a 400. */
export function parsePagingQuery(query: Record<string, unknown>): PagingQuery {
  const limit = parseInt32('limit', query.limit, 1);
  const offset = parseInt32('offset', query.offset, 0);
  const sinceRaw = query.since === undefined ? null : single('since', query.since);
  const since = sinceRaw === null ? null : parseDateTime(sinceRaw);
  if (since === null && sinceRaw !== null) {
    throw errors.validation('since must be an ISO 8601 date-time with a time zone, e.g. 2024-05-01T00:00:00Z');
  }
  return { limit: Math.min(limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE), offset: offset ?? 0, since, sinceRaw };
}

function single(name: string, v: unknown): string {
  if (typeof v !== 'string') throw errors.validation(`${name} must be given once`);
  return v;
}

function parseInt32(name: string, v: unknown, min: number): number | null {
  if (v === undefined) return null;
  const s = single(name, v);
  if (!/^\d{1,10}$/.test(s) || Number(s) < min || Number(s) > INT32_MAX) {
    throw errors.validation(`${name} must be an integer from ${min} to ${INT32_MAX}`);
  }
  return Number(s);
}

// ISO 8601 extended date-time with a mandatory zone (Z or ±hh:mm / ±hhmm); seconds and fraction optional.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/i;

/** Epoch ms, or null when not a real date-time with a time zone (e.g. 2024-02-30 or no zone). */
export function parseDateTime(s: string): number | null {
  const m = DATE_TIME.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, sec] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const frac = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, sec);
  if (new Date(utc).getUTCDate() !== d) return null; // day beyond the month
  const offsetH = Number(m[10] ?? 0);
  const offsetM = Number(m[11] ?? 0);
  if (offsetH > 23 || offsetM > 59) return null;
  const sign = m[9] === '-' ? -1 : 1;
  return utc + frac - (m[8] ? 0 : sign * (offsetH * 60 + offsetM) * 60_000);
}

export interface LinkInput {
  endpoint: string;
  limit: number;
  offset: number;
  total: number;
  sinceRaw: string | null;
}

/** RFC 8288 Link header (SPEC21 §Pagination): first and last always, next when more remain, prev when offset > 0. */
export function buildLinkHeader(p: LinkInput): string {
  const url = (offset: number) => {
    const q = new URLSearchParams({ limit: String(p.limit), offset: String(offset) });
    if (p.sinceRaw !== null) q.set('since', p.sinceRaw);
    return `${p.endpoint}?${q.toString()}`;
  };
  const lastOffset = p.total === 0 ? 0 : Math.floor((p.total - 1) / p.limit) * p.limit;
  const links: [string, number][] = [];
  if (p.offset + p.limit < p.total) links.push(['next', p.offset + p.limit]);
  if (p.offset > 0) links.push(['prev', Math.max(0, Math.min(p.offset - p.limit, lastOffset))]);
  links.push(['first', 0], ['last', lastOffset]);
  return links.map(([rel, offset]) => `<${url(offset)}>; rel="${rel}"`).join(', ');
}

/** A user's list as either store pages it. */
export interface PagedStore<T> {
  count(userId: string, since: number | null): number;
  page(q: { userId: string; since: number | null; limit: number; offset: number }): T[];
}

/** The list faults of one API (Badge Connect and CLR name theirs apart). */
export interface ListFaults {
  duplicates: boolean;
  wrongTotalCount: boolean;
  noLinkHeader: boolean;
}

/**
 * One page of a user's list, newest update first, with X-Total-Count and Link set on the response.
 * Faults: `duplicates` starts later pages one record early, `wrongTotalCount` counts one too many,
 * `noLinkHeader` leaves Link out.
 */
export function listPage<T>(
  res: { setHeader(name: string, value: string): unknown },
  store: PagedStore<T>,
  q: { userId: string; paging: PagingQuery; endpoint: string; faults: ListFaults },
): T[] {
  const { paging, faults } = q;
  const total = store.count(q.userId, paging.since);
  const offset = faults.duplicates && paging.offset > 0 ? paging.offset - 1 : paging.offset;
  const page = store.page({ userId: q.userId, since: paging.since, limit: paging.limit, offset });
  res.setHeader('X-Total-Count', String(faults.wrongTotalCount ? total + 1 : total));
  if (!faults.noLinkHeader) {
    res.setHeader('Link', buildLinkHeader({ endpoint: q.endpoint, limit: paging.limit, offset: paging.offset, total, sinceRaw: paging.sinceRaw }));
  }
  return page;
}

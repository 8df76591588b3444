/** One page of a list, with X-Total-Count and the RFC 8288 Link relations OB 2.1 §Pagination asks for. */
export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

export type PageResult<T> = { ok: true; page: Page<T> } | { ok: false; reason: string };

/**
 * Pages of the asked limit (`defaultSize` without one), capped at `maxSize` as OB 2.1 lets a provider do;
 * `force` (the `paged-list` fault) caps every page at `defaultSize` instead.
 */
export function paginate<T>(records: T[], query: URLSearchParams, url: string, sizes: { default: number; max: number }, force: boolean): PageResult<T> {
  const limitText = query.get('limit');
  const offsetText = query.get('offset');
  if (limitText !== null && !/^[1-9]\d{0,6}$/.test(limitText)) return { ok: false, reason: 'limit must be an integer of at least 1' };
  if (offsetText !== null && !/^\d{1,7}$/.test(offsetText)) return { ok: false, reason: 'offset must be an integer of at least 0' };
  const total = records.length;
  const asked = limitText === null ? undefined : Number(limitText);
  const size = Math.min(asked ?? sizes.default, force ? sizes.default : sizes.max);
  const offset = offsetText === null ? 0 : Number(offsetText);
  const items = records.slice(offset, offset + size);
  const at = (o: number) => {
    const u = new URL(url);
    u.search = '';
    u.searchParams.set('limit', String(size));
    u.searchParams.set('offset', String(o));
    return u.href;
  };
  const lastOffset = total === 0 ? 0 : Math.floor((total - 1) / size) * size;
  const links = [`<${at(0)}>; rel="first"`, `<${at(lastOffset)}>; rel="last"`];
  if (offset + size < total) links.push(`<${at(offset + size)}>; rel="next"`);
  if (offset > 0) links.push(`<${at(Math.max(0, offset - size))}>; rel="prev"`);
  return { ok: true, page: { items, headers: { 'x-total-count': String(total), link: links.join(', ') } } };
}

/** Keeps records whose date field is after `since` (the OB 2.1 and CLR `since` parameter); lenient on format. */
export function filterSince<T extends Record<string, unknown>>(records: T[], since: string | null, field: string): T[] | undefined {
  if (since === null) return records;
  const t = Date.parse(since);
  if (Number.isNaN(t)) return undefined;
  return records.filter((r) => Date.parse(String(r[field])) > t);
}

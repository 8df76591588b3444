import type { HttpExchange } from '../../engine/http.js';
import { fail, pass, type Check } from '../../engine/verdict.js';
import { findRel, parseLinkHeader, type LinkValue } from './link-header.js';

export interface LinkHeaderInput {
  exchange: HttpExchange;
  /** The offset this page was requested with. */
  offset: number;
  /** Records (assertions + signed assertions) on this page. */
  returned: number;
  /** Best known number of records in the whole list (X-Total-Count, or counted by walking), if known. */
  total: number | undefined;
}

/**
 * SPEC21 §Pagination Link header: present when the list is incomplete; when present, `first` and `last`
 * always, `next` exactly when more records remain, `prev` exactly when offset > 0. Every target
 * resolves against the request URL, and `next` carries the offset of the following record.
 */
export const ensureLinkHeader: Check<LinkHeaderInput> = {
  id: 'ensure-link-header',
  title: 'Link header has the pagination relations',
  run({ exchange, offset, returned, total }) {
    const more = total === undefined ? undefined : offset + returned < total;
    const incomplete = offset > 0 || more === true;
    const header = exchange.headers.link;
    const facts = { offset, returned, total: total ?? null };
    if (header === undefined) {
      return incomplete
        ? fail(`no Link header although the list is incomplete (offset ${offset}, ${returned} of ${total ?? 'more'} records)`, facts)
        : pass('no Link header; the list is complete on this page, so Link MAY be omitted', facts);
    }
    const parsed = parseLinkHeader(header);
    if (!parsed.ok) return fail(`Link header does not parse (RFC 8288): ${parsed.error}`, { ...facts, header });
    const problems = linkProblems(parsed.links, exchange.request.url, offset, returned, total, more);
    const evidence = { ...facts, links: parsed.links.map((l) => ({ rels: l.rels, target: l.target })) };
    if (problems.length) {
      return fail(`Link header: ${problems[0]}${problems.length > 1 ? ` (+${problems.length - 1} more)` : ''}`, { ...evidence, problems });
    }
    return pass(`Link has ${parsed.links.flatMap((l) => l.rels).join(', ')}`, evidence);
  },
};

function linkProblems(
  links: LinkValue[],
  base: string,
  offset: number,
  returned: number,
  total: number | undefined,
  more: boolean | undefined,
): string[] {
  const problems: string[] = [];
  const offsetOf = (rel: string): number | null | undefined => {
    const link = findRel(links, rel);
    if (!link) return undefined;
    let url: URL;
    try {
      url = new URL(link.target, base);
    } catch {
      problems.push(`"${rel}" target ${JSON.stringify(link.target)} is not a URL`);
      return undefined;
    }
    const raw = url.searchParams.get('offset');
    if (raw === null) return null;
    if (!/^\d+$/.test(raw)) {
      problems.push(`"${rel}" has offset=${raw}, not a non-negative integer`);
      return undefined;
    }
    return Number(raw);
  };
  for (const rel of ['first', 'last']) if (!findRel(links, rel)) problems.push(`no rel="${rel}" (always required)`);
  const first = offsetOf('first');
  if (typeof first === 'number' && first !== 0) problems.push(`"first" points at offset ${first}, expected 0`);
  const last = offsetOf('last');
  if (typeof last === 'number' && total !== undefined && last > Math.max(total - 1, 0)) {
    problems.push(`"last" points at offset ${last}, beyond the ${total} records`);
  }
  const next = offsetOf('next');
  const hasNext = findRel(links, 'next') !== undefined;
  if (more === true && !hasNext) problems.push(`no rel="next" although ${total! - offset - returned} records remain`);
  if (more === false && hasNext) problems.push('rel="next" on the last page');
  if (hasNext && next !== undefined && next !== offset + returned) {
    problems.push(`"next" points at offset ${next ?? '(none)'}, expected ${offset + returned}`);
  }
  const hasPrev = findRel(links, 'prev') !== undefined || findRel(links, 'previous') !== undefined;
  if (offset > 0 && !hasPrev) problems.push(`no rel="prev" although offset is ${offset}`);
  if (offset === 0 && hasPrev) problems.push('rel="prev" on the first page');
  const prev = offsetOf('prev');
  if (typeof prev === 'number' && prev >= offset) problems.push(`"prev" points at offset ${prev}, not before ${offset}`);
  return problems;
}

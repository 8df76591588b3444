import { describe, expect, it } from 'vitest';
import { ensureLinkHeader, type LinkHeaderInput } from '../../src/checks/obc/ensure-link-header.js';
import { findRel, parseLinkHeader } from '../../src/checks/obc/link-header.js';
import { exchange } from './exchange.js';

const BASE = 'https://provider.example.com/ims/ob/v2p1/assertions';
const link = (rel: string, offset: number, base = BASE) => `<${base}?limit=5&offset=${offset}>; rel="${rel}"`;
const MIDDLE = [link('next', 10), link('prev', 0), link('first', 0), link('last', 20)].join(', ');

/** Page 2 of 23 records at limit 5: every relation present. */
function page(header: string | undefined, overrides: Partial<LinkHeaderInput> = {}): LinkHeaderInput {
  return {
    exchange: exchange({ url: `${BASE}?limit=5&offset=5`, headers: header === undefined ? {} : { link: header }, body: {} }),
    offset: 5,
    returned: 5,
    total: 23,
    ...overrides,
  };
}

describe('RFC 8288 Link parsing', () => {
  it('splits links but not commas inside targets or quoted strings', () => {
    const parsed = parseLinkHeader('<https://a.example.com/x?a=1,2>; rel="next"; title="a, b", </y>; rel=last');
    expect(parsed).toMatchObject({ ok: true });
    if (!parsed.ok) return;
    expect(parsed.links.map((l) => [l.target, l.rels])).toEqual([
      ['https://a.example.com/x?a=1,2', ['next']],
      ['/y', ['last']],
    ]);
    expect(parsed.links[0]!.params.title).toBe('a, b');
  });

  it('reads several relation types in one rel and ignores case', () => {
    const parsed = parseLinkHeader('</a>; REL="First Prev"');
    expect(parsed.ok && findRel(parsed.links, 'prev')?.target).toBe('/a');
  });

  it('keeps only the first occurrence of a parameter', () => {
    const parsed = parseLinkHeader('</a>; rel="next"; rel="last"');
    expect(parsed.ok && parsed.links[0]!.rels).toEqual(['next']);
  });

  it.each([
    ['no angle brackets', 'https://a.example.com/; rel="next"'],
    ['unterminated target', '<https://a.example.com/; rel="next"'],
    ['unterminated quote', '</a>; rel="next'],
    ['junk between params', '</a> rel="next"'],
  ])('rejects %s', (_name, value) => {
    expect(parseLinkHeader(value)).toMatchObject({ ok: false });
  });
});

describe('ensure-link-header (SPEC21 Pagination)', () => {
  it.each<[string, LinkHeaderInput]>([
    ['middle page with every relation', page(MIDDLE)],
    ['relative targets resolved against the request', page(MIDDLE.split(BASE).join('/ims/ob/v2p1/assertions'))],
    ['unquoted rel values and extra spaces', page(MIDDLE.replace(/"/g, '').replace(/, /g, ' ,  '))],
    ['first page: no prev', page([link('next', 5), link('first', 0), link('last', 20)].join(', '), { offset: 0 })],
    ['last page: no next', page([link('prev', 15), link('first', 0), link('last', 20)].join(', '), { offset: 20, returned: 3 })],
    ['complete list without Link (MAY be omitted)', page(undefined, { offset: 0, returned: 3, total: 3 })],
    ['complete list with first and last', page([link('first', 0), link('last', 0)].join(', '), { offset: 0, returned: 3, total: 3 })],
    ['total unknown, offset 0: next not judged', page([link('next', 5), link('first', 0), link('last', 20)].join(', '), { offset: 0, total: undefined })],
    ['empty list', page(undefined, { offset: 0, returned: 0, total: 0 })],
  ])('passes: %s', (_name, input) => {
    expect(ensureLinkHeader.run(input)).toMatchObject({ outcome: 'pass' });
  });

  it.each<[string, LinkHeaderInput, RegExp]>([
    ['missing on an incomplete list', page(undefined), /no Link header although the list is incomplete/],
    ['missing on a later page of unknown total', page(undefined, { total: undefined }), /no Link header/],
    ['no next although records remain', page(MIDDLE.replace(`${link('next', 10)}, `, '')), /no rel="next"/],
    ['next on the last page', page(MIDDLE, { offset: 20, returned: 3 }), /rel="next" on the last page/],
    ['next skips records', page(MIDDLE.replace('offset=10', 'offset=11')), /"next" points at offset 11, expected 10/],
    ['next without an offset', page(MIDDLE.replace('limit=5&offset=10', 'limit=5')), /"next" points at offset \(none\)/],
    ['no prev at offset 5', page(MIDDLE.replace(`${link('prev', 0)}, `, '')), /no rel="prev"/],
    ['prev on the first page', page(MIDDLE.replace('offset=10', 'offset=5'), { offset: 0 }), /rel="prev" on the first page/],
    ['prev not before the page', page(MIDDLE.replace(link('prev', 0), link('prev', 5))), /"prev" points at offset 5/],
    ['no first', page(MIDDLE.replace(`${link('first', 0)}, `, '')), /no rel="first"/],
    ['no last', page(MIDDLE.replace(`, ${link('last', 20)}`, '')), /no rel="last"/],
    ['first not at offset 0', page(MIDDLE.replace(link('first', 0), link('first', 5))), /"first" points at offset 5/],
    ['last beyond the records', page(MIDDLE.replace(link('last', 20), link('last', 25))), /"last" points at offset 25/],
    ['negative offset', page(MIDDLE.replace('offset=10', 'offset=-1')), /offset=-1/],
    ['target not a URL', page(MIDDLE.replace(`<${BASE}?limit=5&offset=10>`, '<http://[bad>')), /is not a URL/],
    ['unparseable header', page('next page please'), /does not parse/],
  ])('fails: %s', (_name, input, message) => {
    const v = ensureLinkHeader.run(input);
    expect(v).toMatchObject({ outcome: 'fail' });
    expect((v as { message: string }).message).toMatch(message);
  });
});

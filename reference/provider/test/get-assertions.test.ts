import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRegistry, SchemaIds } from '../../../schemas/src/registry.js';
import { decodeCompactJws } from '../src/badges/jws.js';
import { ALICE, API, BOB, parseLinks, startProvider, type TestProvider } from './helpers/provider.js';

let p: TestProvider;
let alice: string;
let bob: string;
beforeAll(async () => {
  p = await startProvider();
  alice = p.token(ALICE);
  bob = p.token(BOB);
});
afterAll(() => p.close());

interface ListBody {
  status: { statusCode: number; statusText: string; error: null };
  assertions?: { id: string; issuedOn: string }[];
  signedAssertions?: string[];
}

const idsOf = (b: ListBody) => [
  ...(b.assertions ?? []).map((a) => a.id),
  ...(b.signedAssertions ?? []).map((j) => (decodeCompactJws(j)?.payload as { id: string }).id),
];

async function list(query: string, token = alice) {
  const res = await p.call(`${API}/assertions${query}`, { token });
  return { res, body: (await res.json()) as ListBody };
}

describe('GET /assertions paging', () => {
  it('walks alice\u2019s 23 assertions in five pages of 5 following rel="next"', async () => {
    let url: string | undefined = `${p.origin}${API}/assertions?limit=5`;
    const seen: string[] = [];
    const pages: ListBody[] = [];
    while (url) {
      const res = await p.call(url, { token: alice });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-total-count')).toBe('23');
      const body = (await res.json()) as ListBody;
      expect(getRegistry().validate(SchemaIds.obc.getAssertions200, body).errors).toEqual([]);
      pages.push(body);
      seen.push(...idsOf(body));
      const links = parseLinks(res.headers.get('link'));
      const offset = Number(new URL(url).searchParams.get('offset') ?? 0);
      expect(links.first).toBe(`${p.origin}${API}/assertions?limit=5&offset=0`);
      expect(links.last).toBe(`${p.origin}${API}/assertions?limit=5&offset=20`);
      if (offset > 0) expect(links.prev).toBe(`${p.origin}${API}/assertions?limit=5&offset=${offset - 5}`);
      else expect(links.prev).toBeUndefined();
      url = links.next;
    }
    expect(pages.map((b) => idsOf(b).length)).toEqual([5, 5, 5, 5, 3]);
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect(pages.flatMap((b) => b.signedAssertions ?? [])).toHaveLength(4);
  });

  it('returns the newest update first (ties by id)', async () => {
    const { body } = await list('?limit=100');
    const all = [...(body.assertions ?? [])];
    // Hosted seed assertions are numbered in update order; the signed ones sit between them.
    const slugs = all.map((a) => a.id.split('/').pop());
    expect(slugs[0]).toBe('alice-23');
    const positions = slugs.map((s) => Number(s?.split('-')[1]));
    expect([...positions].sort((a, b) => b - a)).toEqual(positions);
  });

  it('uses 10 as the default page size and clamps limit above 100', async () => {
    const def = await list('');
    expect(idsOf(def.body)).toHaveLength(10);
    expect(parseLinks(def.res.headers.get('link')).next).toBe(`${p.origin}${API}/assertions?limit=10&offset=10`);
    const big = await list('?limit=5000');
    expect(big.res.status).toBe(200);
    expect(idsOf(big.body)).toHaveLength(23);
    const links = parseLinks(big.res.headers.get('link'));
    expect(links.next).toBeUndefined();
    expect(links.last).toBe(`${p.origin}${API}/assertions?limit=100&offset=0`);
  });

  it('answers an offset past the end with an empty list and keys omitted', async () => {
    const { res, body } = await list('?limit=5&offset=40');
    expect(res.status).toBe(200);
    expect(body).toEqual({ status: { statusCode: 200, statusText: 'OK', error: null } });
    const links = parseLinks(res.headers.get('link'));
    expect(links.prev).toBe(`${p.origin}${API}/assertions?limit=5&offset=20`);
  });

  it('exposes the paging headers to browsers', async () => {
    const { res } = await list('?limit=5');
    const exposed = res.headers.get('access-control-expose-headers') ?? '';
    expect(exposed).toContain('Link');
    expect(exposed).toContain('X-Total-Count');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps each user\u2019s records apart', async () => {
    const { res, body } = await list('?limit=50', bob);
    expect(res.headers.get('x-total-count')).toBe('5');
    expect(idsOf(body)).toHaveLength(5);
    expect(body.signedAssertions).toHaveLength(1);
    expect(idsOf(body).some((id) => id.includes('alice'))).toBe(false);
  });
});

describe('GET /assertions since', () => {
  it('returns only records updated after the timestamp and keeps since in Link URLs', async () => {
    const all = (await list('?limit=100')).body;
    const { res, body } = await list('?limit=2&since=2024-03-01T00:00:00Z');
    const total = Number(res.headers.get('x-total-count'));
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(23);
    const links = parseLinks(res.headers.get('link'));
    expect(new URL(links.next as string).searchParams.get('since')).toBe('2024-03-01T00:00:00Z');
    expect(new URL(links.last as string).searchParams.get('limit')).toBe('2');
    const later = (all.assertions ?? []).filter((a) => Date.parse(a.issuedOn) > Date.parse('2024-03-01T00:00:00Z'));
    expect(later.length).toBeLessThanOrEqual(total);
    expect(idsOf(body)).toHaveLength(2);
  });

  it('accepts offsets and fractions in the time zone form', async () => {
    const a = await list('?since=2024-03-01T01:00:00%2B01:00&limit=100');
    const b = await list('?since=2024-03-01T00:00:00.000Z&limit=100');
    expect(a.res.status).toBe(200);
    expect(a.res.headers.get('x-total-count')).toBe(b.res.headers.get('x-total-count'));
    const future = await list('?since=2999-01-01T00:00:00Z');
    expect(future.res.headers.get('x-total-count')).toBe('0');
    expect(future.body.assertions).toBeUndefined();
  });
});

describe('GET /assertions invalid query parameters', () => {
  const bad = [
    'limit=0',
    'limit=-1',
    'limit=abc',
    'limit=1.5',
    'limit=',
    'limit=2147483648',
    'limit=5&limit=6',
    'offset=-1',
    'offset=x',
    'offset=99999999999',
    'since=2024-03-01',
    'since=2024-03-01T00:00:00',
    'since=yesterday',
    'since=2024-02-30T00:00:00Z',
    'since=2024-13-01T00:00:00Z',
    'since=2024-01-01T25:00:00Z',
    'since=',
  ];
  it.each(bad)('%s → 400 REQUEST_VALIDATION_ERROR', async (q) => {
    const { res, body } = await list(`?${q}`);
    expect(res.status).toBe(400);
    expect(body.status.statusText).toBe('REQUEST_VALIDATION_ERROR');
    expect(body.status.statusCode).toBe(400);
    expect(getRegistry().validate(SchemaIds.obc.errorResponse, body).errors).toEqual([]);
  });

  it('accepts the largest int32 offset', async () => {
    const { res } = await list('?offset=2147483647');
    expect(res.status).toBe(200);
  });
});

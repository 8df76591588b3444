import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRegistry, SchemaIds } from '../../../schemas/src/registry.js';
import { decodeCompactJws } from '../src/badges/jws.js';
import { expectStatusInfo } from './helpers/clr.js';
import { CLR, CLR_SCOPES_OFFERED, startClrStack, type ClrStack } from './helpers/clr-stack.js';
import { BOB, parseLinks } from './helpers/provider.js';

let s: ClrStack;
beforeAll(async () => {
  s = await startClrStack();
});
afterAll(() => s.close());

const idOf = (entry: unknown): string =>
  typeof entry === 'string' ? ((decodeCompactJws(entry)?.payload as { id: string }).id) : (entry as { id: string }).id;

async function list(query = '', token?: string) {
  const res = await s.call(`${CLR}/clrs${query}`, { token: token ?? (await s.token()) });
  const body = (await res.json()) as { clrs?: unknown[]; signedClrs?: string[] } & Record<string, unknown>;
  return { res, body, ids: [...(body.clrs ?? []), ...(body.signedClrs ?? [])].map(idOf) };
}

describe('GET /ims/clr/v1p0/discovery', () => {
  it('is public, flat and schema-valid, naming the auth server and the three CLR scopes', async () => {
    const res = await s.call(`${CLR}/discovery`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const body = (await res.json()) as Record<string, unknown>;
    expect(getRegistry().validate(SchemaIds.clr.discovery, body).errors).toEqual([]);
    expect(body).toMatchObject({
      '@context': 'https://purl.imsglobal.org/spec/clr/v1p0/context/clr_v1p0.jsonld',
      authorizationUrl: `${s.authOrigin}/authorize`,
      tokenUrl: `${s.authOrigin}/token`,
      registrationUrl: `${s.authOrigin}/register`,
      scopesOffered: [...CLR_SCOPES_OFFERED],
      privacyPolicyUrl: `${s.origin}/privacy`,
      termsOfServiceUrl: `${s.origin}/terms`,
    });
    expect((await fetch(body.image as string)).status).toBe(200);
  });

  it('answers other methods with 405 and Allow, in imsx_StatusInfo', async () => {
    const res = await s.call(`${CLR}/discovery`, { method: 'POST' });
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    await expectStatusInfo(res, 405, 'invalid_data');
  });
});

describe('GET /ims/clr/v1p0/clrs', () => {
  it('answers a schema-valid ClrSet: alice holds 7 (3 signed), the revoked sample is not listed', async () => {
    const { res, body, ids } = await list('?limit=100');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(getRegistry().validate(SchemaIds.clr.clrSet, body).errors).toEqual([]);
    expect(body['@context']).toBe('https://purl.imsglobal.org/spec/clr/v1p0/context/clr_v1p0.jsonld');
    expect(body.type).toBe('ClrSet');
    expect(res.headers.get('x-total-count')).toBe('7');
    expect(body.clrs).toHaveLength(4);
    expect(body.signedClrs).toHaveLength(3);
    expect(new Set(ids).size).toBe(7);
    expect(ids).not.toContain(`${s.origin}${CLR}/clrs/alice-revoked`);
    for (const id of ids) expect(id).toMatch(new RegExp(`^${s.origin}${CLR}/clrs/alice-0[1-7]$`));
  });

  it('walks every page through Link next with X-Total-Count, newest update first, no duplicates', async () => {
    const token = await s.token();
    const pages: string[][] = [];
    let url: string | undefined = `${s.origin}${CLR}/clrs?limit=2`;
    while (url) {
      const res = await s.call(url, { token });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-total-count')).toBe('7');
      const links = parseLinks(res.headers.get('link'));
      expect(links.first).toBe(`${s.origin}${CLR}/clrs?limit=2&offset=0`);
      expect(links.last).toBe(`${s.origin}${CLR}/clrs?limit=2&offset=6`);
      if (pages.length > 0) expect(links.prev).toBe(`${s.origin}${CLR}/clrs?limit=2&offset=${(pages.length - 1) * 2}`);
      else expect(links.prev).toBeUndefined();
      const body = (await res.json()) as { clrs?: unknown[]; signedClrs?: string[] };
      pages.push([...(body.clrs ?? []), ...(body.signedClrs ?? [])].map((e) => idOf(e).split('/').pop() as string));
      url = links.next;
    }
    // Within a page unsigned CLRs come before signed ones; across pages the order is by last update.
    expect(pages.map((p) => [...p].sort().reverse())).toEqual([
      ['alice-07', 'alice-06'],
      ['alice-05', 'alice-04'],
      ['alice-03', 'alice-02'],
      ['alice-01'],
    ]);
  });

  it('counts signed and unsigned CLRs together against limit', async () => {
    const { body } = await list('?limit=3');
    expect((body.clrs?.length ?? 0) + (body.signedClrs?.length ?? 0)).toBe(3);
  });

  it('since keeps only CLRs updated after it, and is kept in the Link URLs', async () => {
    const all = await list('?limit=100');
    const since = '2024-01-01T00:00:00Z';
    const { res, ids } = await list(`?limit=2&since=${encodeURIComponent(since)}`);
    const expected = all.ids.filter((id) => Number(id.slice(-2)) >= 5);
    expect(res.headers.get('x-total-count')).toBe(String(expected.length));
    expect(ids).toEqual(expected.slice(0, 2));
    expect(new URL(parseLinks(res.headers.get('link')).first ?? '').searchParams.get('since')).toBe(since);
    const future = await list('?since=2999-01-01T00:00:00Z');
    expect(future.res.headers.get('x-total-count')).toBe('0');
    expect(future.body.clrs).toBeUndefined();
    expect(future.body.signedClrs).toBeUndefined();
  });

  it('keeps bob to his own two CLRs', async () => {
    const { res, ids } = await list('', await s.token(CLR_SCOPES_OFFERED, BOB));
    expect(res.headers.get('x-total-count')).toBe('2');
    expect(ids.map((id) => id.split('/').pop())).toEqual(['bob-02', 'bob-01']);
  });

  it.each(['?limit=0', '?limit=abc', '?offset=-1', '?since=yesterday', '?since=2024-02-30T00:00:00Z', '?limit=1&limit=2'])(
    'refuses %s with 400 invalid_query_parameter',
    async (query) => {
      await expectStatusInfo(await s.call(`${CLR}/clrs${query}`, { token: await s.token() }), 400, 'invalid_query_parameter');
    },
  );
});

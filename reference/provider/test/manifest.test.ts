import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRegistry, SchemaIds } from '../../../schemas/src/registry.js';
import { SCOPES_OFFERED, startProvider, type TestProvider } from './helpers/provider.js';

let p: TestProvider;
beforeAll(async () => {
  p = await startProvider();
});
afterAll(() => p.close());

const manifestPath = '/.well-known/badgeconnect.json';

describe('GET /.well-known/badgeconnect.json', () => {
  it('has every manifest field, built from the origin and the auth server options', async () => {
    const res = await p.call(manifestPath);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const m = (await res.json()) as Record<string, unknown>;
    expect(m['@context']).toBe('https://purl.imsglobal.org/spec/ob/v2p1/context/ob_v2p1.jsonld');
    expect(m.id).toBe(`${p.origin}${manifestPath}`);
    expect(m.type).toBe('Manifest');
    const apis = m.badgeConnectAPI as Record<string, unknown>[];
    expect(apis).toHaveLength(1);
    expect(apis[0]).toEqual({
      type: 'BadgeConnectAPI',
      name: expect.any(String),
      image: `${p.origin}/public/logo.svg`,
      apiBase: `${p.origin}/ims/ob/v2p1`,
      version: 'v2p1',
      termsOfServiceUrl: `${p.origin}/terms`,
      privacyPolicyUrl: `${p.origin}/privacy`,
      scopesOffered: [...SCOPES_OFFERED],
      registrationUrl: 'https://auth.example.org/register',
      authorizationUrl: 'https://auth.example.org/authorize',
      tokenUrl: 'https://auth.example.org/token',
      tokenRevocationUrl: 'https://auth.example.org/revoke',
    });
    expect(SCOPES_OFFERED).toHaveLength(4);
  });

  it('validates against the registry manifest schema', async () => {
    const m = await (await p.call(manifestPath)).json();
    const result = getRegistry().validate(SchemaIds.obc.manifest, m);
    expect(result.errors).toEqual([]);
  });

  it('is cacheable and revalidates with ETag / If-None-Match', async () => {
    const first = await p.call(manifestPath);
    expect(first.headers.get('cache-control')).toBe('public, max-age=300');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await p.call(manifestPath, { headers: { 'if-none-match': etag as string } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await again.text()).toBe('');
    const weakList = await p.call(manifestPath, { headers: { 'if-none-match': `"other", W/${etag}` } });
    expect(weakList.status).toBe(304);
    const other = await p.call(manifestPath, { headers: { 'if-none-match': '"something-else"' } });
    expect(other.status).toBe(200);
  });

  it('serves the logo, terms of service and privacy policy it links to', async () => {
    const logo = await p.call('/public/logo.svg');
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await logo.text()).toMatch(/^<svg /);
    for (const path of ['/terms', '/privacy']) {
      const page = await p.call(path);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toContain('<h1>');
    }
  });

  it('answers 405 with Allow for other methods', async () => {
    const res = await p.call(manifestPath, { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('GET');
    expect(((await res.json()) as { status: { statusText: string } }).status.statusText).toBe('METHOD_NOT_ALLOWED');
  });
});

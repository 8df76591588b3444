import { compactVerify, importSPKI } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJsonLd } from '../../../schemas/src/jsonld.js';
import { getRegistry, SchemaIds } from '../../../schemas/src/registry.js';
import { decodeCompactJws } from '../src/badges/jws.js';
import { ALICE, API, BOB, startProvider, type TestProvider } from './helpers/provider.js';

let p: TestProvider;
let hosted: Record<string, unknown>[] = [];
let signed: string[] = [];
beforeAll(async () => {
  p = await startProvider();
  for (const user of [ALICE, BOB]) {
    const res = await p.call(`${API}/assertions?limit=100`, { token: p.token(user) });
    const body = (await res.json()) as { assertions: Record<string, unknown>[]; signedAssertions: string[] };
    hosted.push(...body.assertions);
    signed.push(...body.signedAssertions);
  }
});
afterAll(() => p.close());

async function fetchLd(url: string): Promise<Record<string, unknown>> {
  expect(url.startsWith(`${p.origin}/public/`)).toBe(true);
  const res = await fetch(url, { headers: { accept: 'application/ld+json, application/json' } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/ld\+json/);
  const text = await res.text();
  expect(text).not.toContain('PRIVATE KEY');
  return JSON.parse(text) as Record<string, unknown>;
}

async function expectValid(schemaId: string, doc: unknown) {
  expect(getRegistry().validate(schemaId, doc).errors).toEqual([]);
  const ld = await checkJsonLd(doc);
  expect(ld.ok ? 'ok' : ld.message).toBe('ok');
}

describe('public OB 2.0 documents', () => {
  it('seeds 28 assertions in all, 5 of them signed', () => {
    expect(hosted.length + signed.length).toBe(28);
    expect(signed).toHaveLength(5);
  });

  it('hosts every unsigned seed assertion at its id, identical to the listed copy', async () => {
    for (const a of hosted) {
      expect(a.verification).toEqual({ type: 'HostedBadge' });
      const doc = await fetchLd(a.id as string);
      expect(doc).toEqual(a);
      await expectValid(SchemaIds.ob20.assertion, doc);
    }
  });

  it('links each assertion to a valid badge class, issuer, image, key and revocation list', async () => {
    const badgeUrls = new Set(hosted.map((a) => a.badge as string));
    expect(badgeUrls.size).toBeGreaterThan(3);
    for (const url of badgeUrls) {
      const badge = await fetchLd(url);
      await expectValid(SchemaIds.ob20.badgeClass, badge);
      expect(badge.id).toBe(url);
      expect((badge.criteria as { narrative: string }).narrative.length).toBeGreaterThan(10);
      expect(badge.alignment).toEqual([expect.objectContaining({ targetName: expect.any(String), targetUrl: expect.stringMatching(/^https:\/\/example\.org\//) })]);
      const image = await fetch(badge.image as string);
      expect(image.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
      expect(await image.text()).toMatch(/^<svg /);
      const issuer = await fetchLd(badge.issuer as string);
      await expectValid(SchemaIds.ob20.profile, issuer);
      expect(issuer).toMatchObject({ type: 'Issuer', name: expect.any(String), url: p.origin, email: expect.any(String) });
      const key = await fetchLd(issuer.publicKey as string);
      await expectValid(SchemaIds.ob20.cryptographicKey, key);
      expect(key.owner).toBe(issuer.id);
      const revocations = await fetchLd(issuer.revocationList as string);
      await expectValid(SchemaIds.ob20.revocationList, revocations);
      expect(revocations.issuer).toBe(issuer.id);
    }
  });

  it('signs every signed seed assertion with the published key (RS256, verified with jose)', async () => {
    const issuer = await fetchLd(`${p.origin}/public/issuer`);
    const revoked = ((await fetchLd(issuer.revocationList as string)).revokedAssertions as { id: string }[]).map((r) => r.id);
    for (const jws of signed) {
      const decoded = decodeCompactJws(jws);
      expect(decoded?.header.alg).toBe('RS256');
      const payload = decoded?.payload as Record<string, unknown>;
      await expectValid(SchemaIds.ob20.assertion, payload);
      const creator = (payload.verification as { type: string; creator: string });
      expect(creator.type).toBe('SignedBadge');
      expect(creator.creator).toBe(issuer.publicKey);
      const key = await fetchLd(creator.creator);
      const verified = await compactVerify(jws, await importSPKI(key.publicKeyPem as string, 'RS256'));
      expect(JSON.parse(new TextDecoder().decode(verified.payload))).toEqual(payload);
      expect(revoked).not.toContain(payload.id);
      expect(String(payload.id)).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('serves application/json to clients that accept only that', async () => {
    const res = await fetch(`${p.origin}/public/issuer`, { headers: { accept: 'application/json' } });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it.each(['/public/assertions/alice-99', '/public/badges/unknown', '/public/keys/rsa-other', '/public/images/unknown.svg', '/public/images/data-literacy.png'])(
    '%s → 404',
    async (path) => {
      expect((await p.call(path)).status).toBe(404);
    },
  );

  it('does not host assertions posted by users, even under our prefix', async () => {
    const id = `${p.origin}/public/assertions/forged-1`;
    const res = await p.call(`${API}/assertions`, {
      method: 'POST',
      token: p.token(ALICE),
      json: { assertion: { ...hosted[0], id } },
    });
    expect(res.status).toBe(400);
    expect((await p.call('/public/assertions/forged-1')).status).toBe(404);
  });
});

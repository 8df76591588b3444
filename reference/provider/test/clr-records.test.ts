import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJsonLd } from '../../../schemas/src/jsonld.js';
import { getRegistry, SchemaIds } from '../../../schemas/src/registry.js';
import { verifyClr, type VerificationResult } from '../../../verification/src/index.js';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { decodeCompactJws } from '../src/badges/jws.js';
import { signAssertion } from '../src/badges/sign.js';
import { CLR_CONTEXT } from '../src/urls.js';
import { expectStatusInfo } from './helpers/clr.js';
import { CLR, CLR_SCOPES_OFFERED, startClrStack, type ClrStack } from './helpers/clr-stack.js';
import { ALICE, BOB, testSigningKeyPem } from './helpers/provider.js';

const signingKey = () => {
  const privateKey = createPrivateKey(testSigningKeyPem());
  return { kid: '', privateKey, publicKeyPem: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString() };
};

let s: ClrStack;
let token: string;
let set: { clrs: Record<string, any>[]; signedClrs: string[] };
beforeAll(async () => {
  s = await startClrStack();
  token = await s.token();
  set = (await (await s.call(`${CLR}/clrs?limit=100`, { token })).json()) as typeof set;
});
afterAll(() => s.close());

const failing = (r: VerificationResult) => r.steps.filter((st) => st.outcome !== 'pass').map((st) => `${st.code}: ${st.message}`);
const clrUrl = (slug: string) => `${s.origin}${CLR}/clrs/${slug}`;
const payloads = () => set.signedClrs.map((j) => decodeCompactJws(j)?.payload as Record<string, any>);

describe('seed CLRs', () => {
  it('each getClr answer is a bare, schema-valid, JSON-LD-valid Clr whose id is its getClr URL', async () => {
    for (const slug of ['alice-01', 'alice-02', 'alice-03', 'alice-04', 'alice-05', 'alice-06', 'alice-07', 'alice-revoked']) {
      const res = await s.call(clrUrl(slug), { token });
      expect(res.status).toBe(200);
      const clr = (await res.json()) as Record<string, any>;
      expect(getRegistry().validate(SchemaIds.clr.clr, clr).errors).toEqual([]);
      expect((await checkJsonLd(clr)).ok).toBe(true);
      expect(clr.id).toBe(clrUrl(slug));
      expect(clr.learner).toMatchObject({ id: ALICE.id, email: ALICE.email });
    }
  });

  it('record courses with results, competencies with alignments, co-curricular work, an Open Badge and endorsements', () => {
    for (const clr of [...set.clrs, ...payloads()]) {
      const kinds = clr.assertions.map((a: any) => a.achievement.achievementType);
      expect(kinds).toEqual(['Course', 'Course', 'Competency', 'Co-Curricular', 'Badge']);
      const course = clr.assertions[0];
      const described = course.achievement.resultDescriptions.map((d: any) => d.id);
      expect(course.results.length).toBe(2);
      for (const r of course.results) expect(described).toContain(r.resultDescription);
      const competency = clr.assertions[2];
      expect(competency.achievement.alignments[0]).toMatchObject({ targetType: 'CFItem' });
      expect(competency.achievement.endorsements).toHaveLength(1);
      expect(clr.endorsements).toHaveLength(1);
      // The user's signed OB 2.0 assertion, embedded as it is listed by GET /ims/ob/v2p1/assertions.
      expect((decodeCompactJws(clr.signedAssertions[0])?.payload as any).type).toBe('Assertion');
    }
  });

  it('hosted ones (verification Hosted, id = getClr URL) verify with verifyClr', async () => {
    expect(set.clrs.map((c) => c.id.split('/').pop())).toEqual(['alice-06', 'alice-04', 'alice-03', 'alice-01']);
    for (const clr of set.clrs) {
      expect(clr.verification).toEqual({ type: 'Hosted' });
      const result = await verifyClr(clr, { fetcher: s.fetcherWith(token), expectedRecipient: { type: 'email', value: ALICE.email } });
      expect(failing(result)).toEqual([]);
      expect(result).toMatchObject({ status: 'verified', method: 'hosted' });
    }
  });

  it('signed ones (RS256, creator = our CryptographicKey) verify with verifyClr', async () => {
    for (const jws of set.signedClrs) {
      expect(decodeCompactJws(jws)?.header.alg).toBe('RS256');
      const result = await verifyClr(jws, { fetcher: s.fetcherWith(token) });
      expect(failing(result)).toEqual([]);
      expect(result).toMatchObject({ status: 'verified', method: 'signed' });
      expect(result.document?.verification).toEqual({ type: 'Signed', creator: expect.stringMatching(`^${s.origin}/public/clr/keys/`) });
    }
  });

  it('alice-revoked is stored and fetchable but fails verification with revocation.revoked', async () => {
    const clr = (await (await s.call(clrUrl('alice-revoked'), { token })).json()) as Record<string, any>;
    expect(clr.verification.type).toBe('Signed');
    // getClr answers the bare payload; its compact JWS is what the publisher signed (same key, same bytes).
    const jws = signAssertion(clr, signingKey(), clr.verification.creator);
    const result = await verifyClr(jws, { fetcher: s.fetcherWith(token) });
    expect(result.status).toBe('failed');
    expect(result.steps).toContainEqual(expect.objectContaining({ code: 'revocation.revoked', outcome: 'fail' }));
  });

  it('bob cannot read alice\u2019s CLRs (404), and an unknown id is 404', async () => {
    const bob = await s.token(CLR_SCOPES_OFFERED, BOB);
    await expectStatusInfo(await s.call(clrUrl('alice-01'), { token: bob }), 404, 'invalid_data');
    await expectStatusInfo(await s.call(clrUrl('alice-99'), { token }), 404, 'invalid_data');
    expect((await s.call(clrUrl('bob-01'), { token: bob })).status).toBe(200);
  });

  it('the co-curricular assertion of every CLR is hosted: the hosted copy is the full document (same data as the embedded one) and verifies', async () => {
    for (const clr of [...set.clrs, ...payloads()]) {
      const activity = clr.assertions[3] as Record<string, any>;
      expect(activity.verification).toEqual({ type: 'Hosted' });
      expect(activity.id).toBe(`${s.origin}/public/clr/assertions/${String(clr.id).split('/').pop()}-activity`);
      const res = await fetch(activity.id);
      expect(res.status).toBe(200);
      // Embedded as CLR content (no @context, issuer in short form); hosted standalone with the full publisher.
      const hosted = (await res.json()) as Record<string, any>;
      expect(activity['@context']).toBeUndefined();
      const { '@context': context, achievement, ...rest } = hosted;
      expect(context).toBe(CLR_CONTEXT);
      expect(rest).toEqual(Object.fromEntries(Object.entries(activity).filter(([k]) => k !== 'achievement')));
      expect({ ...achievement, issuer: achievement.issuer.id }).toEqual({ ...activity.achievement, issuer: activity.achievement.issuer.id });
      expect(achievement.issuer.publicKey).toBeDefined();
    }
    const result = await verifyClr(set.clrs[0]!, { fetcher: s.fetcherWith(token) });
    const hostedSteps = result.steps.filter((st) => st.evidence?.path === 'assertions[3]' && st.code.startsWith('hosted.'));
    expect(hostedSteps.map((st) => [st.code, st.outcome])).toEqual([
      ['hosted.fetch-failed', 'pass'],
      ['hosted.revoked', 'pass'],
      ['hosted.mismatch', 'pass'],
      ['hosted.origin-not-allowed', 'pass'],
    ]);
  });
});

describe('the publisher\u2019s public documents', () => {
  const get = async (url: string) => {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, any>;
  };

  it('publisher lists its key and revocation list; the key names the publisher as owner', async () => {
    const publisher = await get(`${s.origin}/public/clr/publisher`);
    expect(getRegistry().validate(SchemaIds.clr.profile, publisher).errors).toEqual([]);
    const keyUrl = publisher.publicKey.id as string;
    const key = await get(keyUrl);
    expect(getRegistry().validate(SchemaIds.clr.cryptographicKey, key).errors).toEqual([]);
    expect(key.owner).toBe(publisher.id);
    expect(key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(publisher.verification.allowedOrigins).toContain(new URL(s.origin).host);
    const list = await get(publisher.revocationList);
    expect(getRegistry().validate(SchemaIds.clr.revocationList, list).errors).toEqual([]);
    expect(list.revokedAssertions).toEqual([clrUrl('alice-revoked')]);
  });

  it('hosted endorsements are their embedded copies as standalone documents; unknown documents are 404 imsx', async () => {
    const embedded = set.clrs[0]?.endorsements[0] as Record<string, unknown>;
    expect(await get(embedded.id as string)).toEqual({ '@context': CLR_CONTEXT, ...embedded });
    await expectStatusInfo(await fetch(`${s.origin}/public/clr/endorsements/nope-clr`), 404, 'invalid_data');
    await expectStatusInfo(await fetch(`${s.origin}/public/clr/assertions/nope-activity`), 404, 'invalid_data');
    await expectStatusInfo(await fetch(`${s.origin}/public/clr/publisher`, { method: 'DELETE' }), 405, 'invalid_data');
  });
});


import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRegistry, SchemaIds } from '../../../schemas/src/registry.js';
import { decodeCompactJws } from '../src/badges/jws.js';
import { signForeign } from './helpers/badges.js';
import { CLR_CONTEXT, expectStatusInfo, foreignClr } from './helpers/clr.js';
import { CLR, startClrStack, type ClrStack } from './helpers/clr-stack.js';
import { ALICE, BOB } from './helpers/provider.js';

let s: ClrStack;
let token: string;
beforeAll(async () => {
  s = await startClrStack();
  token = await s.token();
});
afterAll(() => s.close());

const post = (json: unknown, bearer = token) => s.call(`${CLR}/clrs`, { method: 'POST', token: bearer, json });
const getPath = (id: string) => `${CLR}/clrs/${encodeURIComponent(id)}`;
/** One of our own signed seed CLRs (the list also holds foreign ones posted by earlier tests). */
async function ourSignedClr(): Promise<string> {
  const list = (await (await s.call(`${CLR}/clrs?limit=100`, { token })).json()) as { signedClrs: string[] };
  const ours = list.signedClrs.find((j) => (decodeCompactJws(j)?.payload as { id: string }).id.startsWith(s.origin));
  if (!ours) throw new Error('no seed signed CLR listed');
  return ours;
}
const total = async () => (await s.call(`${CLR}/clrs`, { token })).headers.get('x-total-count');

describe('POST /ims/clr/v1p0/clrs', () => {
  it('201 creates, 200 replaces, 304 when identical; the body is the stored ClrPayload', async () => {
    const clr = foreignClr(ALICE.email, 1);
    const created = await post({ '@context': CLR_CONTEXT, clr });
    expect(created.status).toBe(201);
    const body = (await created.json()) as Record<string, unknown>;
    expect(getRegistry().validate(SchemaIds.clr.clrPayload, body).errors).toEqual([]);
    expect(body).toEqual({ '@context': CLR_CONTEXT, clr });
    expect(await total()).toBe('8');

    const same = await post({ '@context': CLR_CONTEXT, clr });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');

    const renamed = { ...clr, name: 'Transcript 1 (corrected)' };
    const replaced = await post({ '@context': CLR_CONTEXT, clr: renamed });
    expect(replaced.status).toBe(200);
    expect(((await replaced.json()) as { clr: unknown }).clr).toEqual(renamed);
    expect(await total()).toBe('8');

    const stored = await s.call(getPath(clr.id as string), { token });
    expect(stored.status).toBe(200);
    expect(await stored.json()).toEqual(renamed);
    // The newest update is listed first.
    const first = ((await (await s.call(`${CLR}/clrs?limit=1`, { token })).json()) as { clrs: { id: string }[] }).clrs[0];
    expect(first?.id).toBe(clr.id);
  });

  it('takes the context from the payload when the Clr has none, and stores a bare Clr with it', async () => {
    const { '@context': _c, ...clr } = foreignClr(ALICE.email, 2);
    const res = await post({ '@context': CLR_CONTEXT, clr });
    expect(res.status).toBe(201);
    expect(((await (await s.call(getPath(clr.id as string), { token })).json()) as Record<string, unknown>)['@context']).toBe(CLR_CONTEXT);
  });

  it('accepts a foreign signed CLR unverified (its key is never fetched) and lists it in signedClrs', async () => {
    const clr = foreignClr(ALICE.email, 3, { id: 'urn:uuid:3c0e5a8e-1b7e-4d53-9d0a-000000000003', verification: { type: 'Signed', creator: 'https://example.org/keys/1' } });
    const jws = await signForeign(clr);
    const res = await post({ '@context': CLR_CONTEXT, signedClr: jws });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ '@context': CLR_CONTEXT, signedClr: jws });
    const list = (await (await s.call(`${CLR}/clrs?limit=1`, { token })).json()) as { signedClrs: string[] };
    expect(list.signedClrs).toEqual([jws]);
    expect((await s.call(getPath(clr.id as string), { token })).status).toBe(200);
  });

  it('re-posting one of our signed seed CLRs verifies it with our own documents: 304', async () => {
    const jws = await ourSignedClr();
    expect((await post({ '@context': CLR_CONTEXT, signedClr: jws })).status).toBe(304);
    const hosted = (await (await s.call(`${CLR}/clrs/alice-01`, { token })).json()) as Record<string, unknown>;
    expect((await post({ '@context': CLR_CONTEXT, clr: hosted })).status).toBe(304);
  });

  it.each([
    ['a tampered signed seed CLR', async () => {
      const jws = await ourSignedClr();
      const [h, , sig] = jws.split('.');
      const payload = { ...(decodeCompactJws(jws)?.payload as object), name: 'Forged' };
      return { '@context': CLR_CONTEXT, signedClr: `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${sig}` } as unknown;
    }],
    ['a changed copy of our hosted CLR', async () => {
      const hosted = (await (await s.call(`${CLR}/clrs/alice-03`, { token })).json()) as Record<string, unknown>;
      return { '@context': CLR_CONTEXT, clr: { ...hosted, name: 'Forged' } };
    }],
    ['a CLR for another learner', async () => ({ '@context': CLR_CONTEXT, clr: foreignClr(BOB.email, 4) })],
    ['a CLR without learner email', async () => ({ '@context': CLR_CONTEXT, clr: { ...foreignClr(ALICE.email, 5), learner: { id: 'urn:example:l', type: 'Profile' } } })],
    ['a CLR missing issuedOn', async () => {
      const { issuedOn: _i, ...clr } = foreignClr(ALICE.email, 6);
      return { '@context': CLR_CONTEXT, clr };
    }],
    ['an undefined JSON-LD term', async () => ({ '@context': CLR_CONTEXT, clr: { ...foreignClr(ALICE.email, 7), type: 'ClrTranscript' } })],
    ['both clr and signedClr', async () => ({ '@context': CLR_CONTEXT, clr: foreignClr(ALICE.email, 8), signedClr: 'aaaa.bbbb.cccc' })],
    ['neither clr nor signedClr', async () => ({ '@context': CLR_CONTEXT })],
    ['a signedClr that is not a JWS', async () => ({ '@context': CLR_CONTEXT, signedClr: 'not-a-jws' })],
    ['an HS256 signedClr', async () => {
      const h = Buffer.from(JSON.stringify({ alg: 'HS256' })).toString('base64url');
      const p = Buffer.from(JSON.stringify(foreignClr(ALICE.email, 9))).toString('base64url');
      return { '@context': CLR_CONTEXT, signedClr: `${h}.${p}.c2lnbmF0dXJl` };
    }],
    ['a Signed CLR posted as JSON', async () => ({ '@context': CLR_CONTEXT, clr: foreignClr(ALICE.email, 10, { verification: { type: 'Signed' } }) })],
    ['an id under our getClr path that alice does not hold', async () => ({ '@context': CLR_CONTEXT, clr: foreignClr(ALICE.email, 11, { id: `${s.origin}${CLR}/clrs/bob-01` }) })],
    ['the revoked sample, signed', async () => {
      const clr = (await (await s.call(`${CLR}/clrs/alice-revoked`, { token })).json()) as Record<string, any>;
      const { signAssertion } = await import('../src/badges/sign.js');
      const { createPrivateKey } = await import('node:crypto');
      const { testSigningKeyPem } = await import('./helpers/provider.js');
      const key = { kid: '', privateKey: createPrivateKey(testSigningKeyPem()), publicKeyPem: '' };
      return { '@context': CLR_CONTEXT, signedClr: signAssertion(clr, key, clr.verification.creator) };
    }],
    ['an array body', async () => [foreignClr(ALICE.email, 12)]],
  ])('refuses %s with 400 invalid_data and stores nothing', async (_name, build) => {
    const before = await total();
    const body = await expectStatusInfo(await post(await build()), 400, 'invalid_data');
    expect(typeof body.imsx_description).toBe('string');
    expect(await total()).toBe(before);
  });

  it('refuses non-JSON, malformed JSON and oversized bodies in imsx_StatusInfo', async () => {
    await expectStatusInfo(await s.call(`${CLR}/clrs`, { method: 'POST', token, body: 'clr=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 400, 'invalid_data');
    await expectStatusInfo(await s.call(`${CLR}/clrs`, { method: 'POST', token, body: '{"clr":', headers: { 'content-type': 'application/json' } }), 400, 'invalid_data');
    const big = { '@context': CLR_CONTEXT, clr: { ...foreignClr(ALICE.email, 13), name: 'x'.repeat(120_000) } };
    await expectStatusInfo(await post(big), 413, 'invalid_data');
  });
});

describe('DELETE /ims/clr/v1p0/clrs/{id}', () => {
  it('204, then GET and DELETE answer 410 Gone; it leaves the list; re-posting creates it again (201)', async () => {
    const clr = foreignClr(ALICE.email, 20);
    expect((await post({ '@context': CLR_CONTEXT, clr })).status).toBe(201);
    const count = Number(await total());
    const del = await s.call(getPath(clr.id as string), { method: 'DELETE', token });
    expect(del.status).toBe(204);
    expect(await del.text()).toBe('');
    await expectStatusInfo(await s.call(getPath(clr.id as string), { token }), 410, 'invalid_data');
    await expectStatusInfo(await s.call(getPath(clr.id as string), { method: 'DELETE', token }), 410, 'invalid_data');
    expect(await total()).toBe(String(count - 1));
    expect((await post({ '@context': CLR_CONTEXT, clr })).status).toBe(201);
    expect(await total()).toBe(String(count));
  });

  it('deletes a seed CLR by its getClr URL; hosted verification of it then sees 410', async () => {
    const url = `${s.origin}${CLR}/clrs/alice-06`;
    const clr = (await (await s.call(url, { token })).json()) as Record<string, unknown>;
    expect((await s.call(url, { method: 'DELETE', token })).status).toBe(204);
    await expectStatusInfo(await s.call(url, { token }), 410, 'invalid_data');
    // A deleted hosted CLR cannot be re-posted under our id: its hosted copy is gone.
    await expectStatusInfo(await post({ '@context': CLR_CONTEXT, clr }), 400, 'invalid_data');
  });

  it('404 for an unknown id; 405 with Allow for other methods', async () => {
    await expectStatusInfo(await s.call(`${CLR}/clrs/alice-99`, { method: 'DELETE', token }), 404, 'invalid_data');
    const put = await s.call(`${CLR}/clrs/alice-01`, { method: 'PUT', token });
    expect(put.headers.get('allow')).toBe('GET, DELETE, HEAD, OPTIONS');
    await expectStatusInfo(put, 405, 'invalid_data');
    const patch = await s.call(`${CLR}/clrs`, { method: 'PATCH', token });
    expect(patch.headers.get('allow')).toBe('GET, POST, HEAD, OPTIONS');
    await expectStatusInfo(patch, 405, 'invalid_data');
  });
});

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJsonLd } from '../../../schemas/src/jsonld.js';
import { getRegistry, SchemaIds } from '../../../schemas/src/registry.js';
import { verifyClr } from '../../../verification/src/index.js';
import { decodeCompactJws } from '../src/badges/jws.js';
import { CLR_FAULTS, type ClrFault } from '../src/faults.js';
import { CLR_CONTEXT, foreignClr } from './helpers/clr.js';
import { CLR, CLR_SCOPES, startAuthServer, startClrStack, type AuthServer, type ClrStack } from './helpers/clr-stack.js';
import { ALICE, parseLinks } from './helpers/provider.js';

type Probe = (s: ClrStack) => Promise<unknown>;
type Json = Record<string, any>;

const json = async (res: Response) => (await res.json()) as Json;
const list = async (s: ClrStack, q = '?limit=100') => {
  const res = await s.call(`${CLR}/clrs${q}`, { token: await s.token() });
  return { res, body: await json(res) };
};
const post = async (s: ClrStack, clr: unknown) => s.call(`${CLR}/clrs`, { method: 'POST', token: await s.token(), json: { '@context': CLR_CONTEXT, clr } });
const status = async (s: ClrStack, path: string) => (await s.call(`${CLR}${path}`, { token: await s.token() })).status;
/** One of our own signed seed CLRs, re-posted as it is listed. */
const repostSigned = async (s: ClrStack) => {
  const signed = (await list(s)).body.signedClrs as string[];
  const ours = signed.find((j) => String((decodeCompactJws(j)?.payload as Json | undefined)?.id).startsWith(s.origin));
  return (await s.call(`${CLR}/clrs`, { method: 'POST', token: await s.token(), json: { '@context': CLR_CONTEXT, signedClr: ours } })).status;
};
const failingCodes = async (s: ClrStack, input: string | Json) =>
  [...new Set((await verifyClr(input, { fetcher: s.fetcherWith(await s.token()) })).steps.filter((st) => st.outcome === 'fail').map((st) => st.code))];

/** What each fault visibly changes; the probe's observation must differ between a clean and a faulty provider. */
const probes: Record<ClrFault, Probe> = {
  'clr-discovery-missing-token-url': async (s) => 'tokenUrl' in (await json(await s.call(`${CLR}/discovery`))),
  'clr-error-not-status-info': async (s) => getRegistry().validate(SchemaIds.clr.statusInfo, await json(await s.call(`${CLR}/clrs`))).valid,
  'clr-wrong-code-minor': async (s) => (await json(await s.call(`${CLR}/clrs`))).imsx_codeMinor?.imsx_codeMinorField[0].imsx_codeMinorFieldValue,
  'clr-code-minor-omitted': async (s) => {
    const body = await json(await s.call(`${CLR}/clrs`));
    return { codeMinor: 'imsx_codeMinor' in body, statusInfo: getRegistry().validate(SchemaIds.clr.statusInfo, body).valid };
  },
  'clr-no-auth-required': async (s) => (await s.call(`${CLR}/clrs`)).status,
  'clr-scope-not-enforced': async (s) => (await s.call(`${CLR}/clrs`, { token: await s.token([CLR_SCOPES.delete]) })).status,
  'clr-paging-no-link-header': async (s) => (await list(s, '?limit=2')).res.headers.has('link'),
  'clr-paging-duplicates': async (s) => {
    const ids: string[] = [];
    let url: string | undefined = `${s.origin}${CLR}/clrs?limit=2`;
    while (url) {
      const res = await s.call(url, { token: await s.token() });
      const body = await json(res);
      ids.push(...(body.clrs ?? []).map((c: Json) => c.id), ...(body.signedClrs ?? []));
      url = parseLinks(res.headers.get('link')).next;
    }
    return { listed: ids.length, distinct: new Set(ids).size };
  },
  'clr-since-ignored': async (s) => (await list(s, '?since=2999-01-01T00:00:00Z')).res.headers.get('x-total-count'),
  'clr-invalid-in-list': async (s) => getRegistry().validate(SchemaIds.clr.clrSet, (await list(s)).body).valid,
  'clr-bad-signature': async (s) => Promise.all((await list(s)).body.signedClrs.map((j: string) => failingCodes(s, j))),
  'clr-key-wrong-owner': async (s) => failingCodes(s, (await list(s)).body.signedClrs[0]),
  'clr-get-deleted-returns-200': async (s) => {
    await s.call(`${CLR}/clrs/alice-01`, { method: 'DELETE', token: await s.token() });
    return (await s.call(`${CLR}/clrs/alice-01`, { token: await s.token() })).status;
  },
  'clr-delete-ignored': async (s) => {
    await s.call(`${CLR}/clrs/alice-01`, { method: 'DELETE', token: await s.token() });
    return (await list(s)).res.headers.get('x-total-count');
  },
  'clr-post-not-stored': async (s) => {
    const clr = foreignClr(ALICE.email, 1);
    const posted = (await post(s, clr)).status;
    return { posted, stored: (await s.call(`${CLR}/clrs/${encodeURIComponent(clr.id as string)}`, { token: await s.token() })).status };
  },
  'clr-post-accepts-invalid': async (s) => {
    const { issuedOn: _i, ...invalid } = foreignClr(ALICE.email, 2);
    return (await post(s, invalid)).status;
  },
  'clr-post-replace-returns-201': async (s) => {
    const clr = foreignClr(ALICE.email, 3);
    return [(await post(s, clr)).status, (await post(s, { ...clr, name: 'Renamed' })).status];
  },
  'clr-hosted-mismatch': async (s) => failingCodes(s, (await list(s)).body.clrs[0]),
  'clr-discovery-not-json': async (s) => (await s.call(`${CLR}/discovery`)).headers.get('content-type'),
  'clr-discovery-missing-scope': async (s) => (await json(await s.call(`${CLR}/discovery`))).scopesOffered.length,
  'clr-list-not-json': async (s) => (await list(s)).res.headers.get('content-type'),
  'clr-query-params-unchecked': async (s) => Promise.all(['?limit=ten', '?offset=-1', '?since=yesterday'].map((q) => status(s, `/clrs${q}`))),
  'clr-paging-wrong-total-count': async (s) => (await list(s)).res.headers.get('x-total-count'),
  'clr-invalid-jsonld': async (s) => {
    const listed = (await list(s)).body.clrs[0] as Json;
    const hosted = await json(await s.call(listed.id, { token: await s.token() }));
    return { jsonLd: (await checkJsonLd(listed)).ok, sameAsHosted: JSON.stringify(hosted) === JSON.stringify(listed) };
  },
  'clr-id-not-getclr-url': async (s) => {
    const listed = (await list(s)).body.clrs[0] as Json;
    return { path: new URL(listed.id).pathname + new URL(listed.id).search, failing: await failingCodes(s, listed) };
  },
  'clr-embedded-assertion-tampered': async (s) => failingCodes(s, (await list(s)).body.clrs[0]),
  'clr-embedded-hosted-mismatch': async (s) => failingCodes(s, (await list(s)).body.clrs[0]),
  'clr-not-found-returns-200': async (s) => [await status(s, '/clrs/alice-99'), await status(s, `/clrs/${encodeURIComponent('urn:uuid:00000000-0000-4000-8000-000000000099')}`)],
  'clr-post-signed-refused': repostSigned,
};

/** The correct observation; each fault must turn it into something else. */
const cleanObservation: Record<ClrFault, unknown> = {
  'clr-discovery-missing-token-url': true,
  'clr-error-not-status-info': true,
  'clr-wrong-code-minor': 'unauthorizedrequest',
  'clr-code-minor-omitted': { codeMinor: true, statusInfo: true },
  'clr-no-auth-required': 401,
  'clr-scope-not-enforced': 403,
  'clr-paging-no-link-header': true,
  'clr-paging-duplicates': { listed: 7, distinct: 7 },
  'clr-since-ignored': '0',
  'clr-invalid-in-list': true,
  'clr-bad-signature': [[], [], []],
  'clr-key-wrong-owner': [],
  'clr-get-deleted-returns-200': 410,
  'clr-delete-ignored': '6',
  'clr-post-not-stored': { posted: 201, stored: 200 },
  'clr-post-accepts-invalid': 400,
  'clr-post-replace-returns-201': [201, 200],
  'clr-hosted-mismatch': [],
  'clr-discovery-not-json': 'application/json; charset=utf-8',
  'clr-discovery-missing-scope': 3,
  'clr-list-not-json': 'application/json; charset=utf-8',
  'clr-query-params-unchecked': [400, 400, 400],
  'clr-paging-wrong-total-count': '7',
  'clr-invalid-jsonld': { jsonLd: true, sameAsHosted: true },
  'clr-id-not-getclr-url': { path: `${CLR}/clrs/alice-06`, failing: [] },
  'clr-embedded-assertion-tampered': [],
  'clr-embedded-hosted-mismatch': [],
  'clr-not-found-returns-200': [404, 404],
  'clr-post-signed-refused': 304,
};

/** Where a verification fault must show up: the stable verification code a consumer would report. */
const expectedFaulty: Partial<Record<ClrFault, unknown>> = {
  'clr-bad-signature': [['signed.bad-signature'], ['signed.bad-signature'], ['signed.bad-signature']],
  'clr-key-wrong-owner': ['signed.key-not-owned'],
  // The body stays valid imsx_StatusInfo: the schema makes imsx_codeMinor optional.
  'clr-code-minor-omitted': { codeMinor: false, statusInfo: true },
  'clr-hosted-mismatch': ['hosted.mismatch'],
  'clr-post-accepts-invalid': 201,
  'clr-post-replace-returns-201': [201, 201],
  'clr-query-params-unchecked': [200, 200, 200],
  // Both copies change alike: the listed Clr still equals the hosted one, and still verifies.
  'clr-invalid-jsonld': { jsonLd: false, sameAsHosted: true },
  'clr-id-not-getclr-url': { path: `${CLR}/clrs/alice-06?version=1`, failing: [] },
  'clr-embedded-assertion-tampered': ['signed.bad-signature'],
  'clr-embedded-hosted-mismatch': ['hosted.mismatch'],
  // Foreign ids keep their 404.
  'clr-not-found-returns-200': [200, 404],
  'clr-post-signed-refused': 400,
};

let auth: AuthServer;
beforeAll(async () => {
  auth = await startAuthServer();
});
afterAll(() => auth.close());

async function observe(probe: Probe, faults: string[]): Promise<unknown> {
  const s = await startClrStack({ faults, auth });
  try {
    return await probe(s);
  } finally {
    await s.close();
  }
}

describe('CLR provider faults', () => {
  it('implements exactly the CLR fault names listed in docs/CONTRACTS.md', () => {
    const contracts = readFileSync(new URL('../../../docs/CONTRACTS.md', import.meta.url), 'utf8');
    const section = contracts.split('CLR provider faults (in addition to the Badge Connect ones):')[1]?.split('\n\n')[0] ?? '';
    const listed = [...section.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]);
    expect(listed.length).toBeGreaterThan(0);
    expect([...CLR_FAULTS].sort()).toEqual([...listed].sort());
    expect(Object.keys(probes).sort()).toEqual([...CLR_FAULTS].sort());
  });

  it.each([...CLR_FAULTS])('%s visibly changes behaviour', async (fault) => {
    const probe = probes[fault];
    const clean = await observe(probe, []);
    expect(clean).toEqual(cleanObservation[fault]);
    const faulty = await observe(probe, [fault]);
    expect(faulty).not.toEqual(clean);
    if (fault in expectedFaulty) expect(faulty).toEqual(expectedFaulty[fault]);
  });
});

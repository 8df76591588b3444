import { readFileSync } from 'node:fs';
import { compactVerify, importSPKI } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJsonLd } from '../../../schemas/src/jsonld.js';
import { getRegistry, SchemaIds } from '../../../schemas/src/registry.js';
import { decodeCompactJws } from '../src/badges/jws.js';
import { PROVIDER_FAULTS, type ProviderFault } from '../src/faults.js';
import { foreignAssertion, publish } from './helpers/badges.js';
import { startIntrospectionStandIn, type IntrospectionStandIn } from './helpers/introspection-stand-in.js';
import { ALICE, API, parseLinks, SCOPES, startProvider, type TestProvider } from './helpers/provider.js';

type Probe = (p: TestProvider) => Promise<unknown>;

const json = async (res: Response) => (await res.json()) as Record<string, any>;
const manifestApi = async (p: TestProvider) => (await json(await p.call('/.well-known/badgeconnect.json'))).badgeConnectAPI[0];
const page = async (p: TestProvider, q = '?limit=5') => {
  const res = await p.call(`${API}/assertions${q}`, { token: p.token() });
  return { res, body: await json(res) };
};

/** What each fault visibly changes; the probe's observation must differ between a clean and a faulty app. */
const probes: Record<ProviderFault, Probe> = {
  'manifest-missing-token-url': async (p) => 'tokenUrl' in (await manifestApi(p)),
  'manifest-wrong-version': async (p) => (await manifestApi(p)).version,
  'manifest-bad-api-base': async (p) => (await manifestApi(p)).apiBase === `${p.origin}/ims/ob/v2p1`,
  'envelope-missing-status': async (p) => 'status' in (await json(await p.call(`${API}/profile`, { token: p.token() }))),
  'wrong-status-text': async (p) => (await json(await p.call(`${API}/profile`))).status.statusText,
  'no-auth-required': async (p) => (await p.call(`${API}/profile`)).status,
  'scope-not-enforced': async (p) =>
    (await p.call(`${API}/profile`, { token: p.introspection.issue(ALICE.id, [SCOPES.assertionReadonly]) })).status,
  'query-token-accepted': async (p) => (await p.call(`${API}/profile?access_token=${p.token()}`)).status,
  'paging-no-link-header': async (p) => (await page(p)).res.headers.has('link'),
  'paging-duplicates': async (p) => {
    const ids: string[] = [];
    let url: string | undefined = `${p.origin}${API}/assertions?limit=5`;
    const token = p.token();
    while (url) {
      const res = await p.call(url, { token });
      const body = await json(res);
      ids.push(...(body.assertions ?? []).map((a: { id: string }) => a.id), ...(body.signedAssertions ?? []));
      url = parseLinks(res.headers.get('link')).next;
    }
    return { listed: ids.length, distinct: new Set(ids).size };
  },
  'paging-wrong-total-count': async (p) => (await page(p)).res.headers.get('x-total-count'),
  'limit-ignored': async (p) => {
    const { body } = await page(p, '?limit=3');
    return (body.assertions?.length ?? 0) + (body.signedAssertions?.length ?? 0);
  },
  'since-ignored': async (p) => (await page(p, '?since=2999-01-01T00:00:00Z')).res.headers.get('x-total-count'),
  'invalid-assertion-in-list': async (p) => getRegistry().validate(SchemaIds.obc.getAssertions200, (await page(p)).body).valid,
  'invalid-jsonld-in-list': async (p) => {
    const { body } = await page(p);
    const schemaValid = getRegistry().validate(SchemaIds.obc.getAssertions200, body).valid;
    const ld = await Promise.all(body.assertions.map((a: unknown) => checkJsonLd(a)));
    return { schemaValid, jsonLdValid: ld.every((r) => r.ok) };
  },
  'bad-signed-assertion': async (p) => {
    const { body } = await page(p, '?limit=100');
    const keyUrl = (decodeCompactJws(body.signedAssertions[0])?.payload as any).verification.creator as string;
    const key = await importSPKI((await json(await fetch(keyUrl))).publicKeyPem, 'RS256');
    const results = await Promise.all(body.signedAssertions.map((j: string) => compactVerify(j, key).then(() => true, () => false)));
    return results.every(Boolean);
  },
  'post-assertion-not-stored': async (p) => {
    const token = p.token();
    await p.call(`${API}/assertions`, { method: 'POST', token, json: { assertion: publish(p.published, foreignAssertion(ALICE.email, 1)) } });
    return (await page(p, '?limit=1')).body.assertions[0].id;
  },
  'post-assertion-accepts-invalid': async (p) => {
    const { badge: _b, ...invalid } = foreignAssertion(ALICE.email, 2);
    return (await p.call(`${API}/assertions`, { method: 'POST', token: p.token(), json: { assertion: invalid } })).status;
  },
  'post-assertion-duplicates': async (p) => {
    const token = p.token();
    for (let i = 0; i < 2; i++) {
      await p.call(`${API}/assertions`, { method: 'POST', token, json: { assertion: publish(p.published, foreignAssertion(ALICE.email, 3)) } });
    }
    return (await page(p, '?limit=100')).res.headers.get('x-total-count');
  },
  'profile-missing': async (p) => 'profile' in (await json(await p.call(`${API}/profile`, { token: p.token() }))),
  'no-405': async (p) => (await p.call(`${API}/assertions`, { method: 'PUT', token: p.token() })).status,
  'no-404-envelope': async (p) => (await p.call(`${API}/unknown`)).headers.get('content-type')?.split(';')[0],
  'revoked-token-accepted': async (p) => {
    const token = p.token();
    await p.call(`${API}/profile`, { token });
    p.introspection.revoke(token);
    return (await p.call(`${API}/profile`, { token })).status;
  },
};

/** The correct observation; each fault must turn it into something else. */
const cleanObservation: Record<ProviderFault, unknown> = {
  'manifest-missing-token-url': true,
  'manifest-wrong-version': 'v2p1',
  'manifest-bad-api-base': true,
  'envelope-missing-status': true,
  'wrong-status-text': 'UNAUTHENTICATED',
  'no-auth-required': 401,
  'scope-not-enforced': 401,
  'query-token-accepted': 401,
  'paging-no-link-header': true,
  'paging-duplicates': { listed: 23, distinct: 23 },
  'paging-wrong-total-count': '23',
  'limit-ignored': 3,
  'since-ignored': '0',
  'invalid-assertion-in-list': true,
  'invalid-jsonld-in-list': { schemaValid: true, jsonLdValid: true },
  'bad-signed-assertion': true,
  'post-assertion-not-stored': 'https://example.org/assertions/1',
  'post-assertion-accepts-invalid': 400,
  'post-assertion-duplicates': '24',
  'profile-missing': true,
  'no-405': 405,
  'no-404-envelope': 'application/json',
  'revoked-token-accepted': 401,
};

let introspection: IntrospectionStandIn;
beforeAll(async () => {
  introspection = await startIntrospectionStandIn();
});
afterAll(() => introspection.close());

async function observe(probe: Probe, faults: string[]): Promise<unknown> {
  const p = await startProvider({ faults, introspection });
  try {
    return await probe(p);
  } finally {
    await p.close();
  }
}

describe('provider faults', () => {
  it('implements exactly the fault names listed in docs/CONTRACTS.md', () => {
    const contracts = readFileSync(new URL('../../../docs/CONTRACTS.md', import.meta.url), 'utf8');
    const section = contracts.split('Provider fault names:')[1]?.split('\n\n')[0] ?? '';
    const listed = [...section.matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]);
    expect([...PROVIDER_FAULTS].sort()).toEqual([...listed].sort());
    expect(Object.keys(probes).sort()).toEqual([...PROVIDER_FAULTS].sort());
  });

  it('refuses unknown fault names', async () => {
    await expect(startProvider({ faults: ['no-such-fault'], introspection })).rejects.toThrow(/unknown fault/);
  });

  it.each([...PROVIDER_FAULTS])('%s visibly changes behaviour', async (fault) => {
    const probe = probes[fault];
    const clean = await observe(probe, []);
    expect(clean).toEqual(cleanObservation[fault]);
    const faulty = await observe(probe, [fault]);
    expect(faulty).not.toEqual(clean);
    if (fault === 'invalid-jsonld-in-list') expect(faulty).toEqual({ schemaValid: true, jsonLdValid: false });
  });
});

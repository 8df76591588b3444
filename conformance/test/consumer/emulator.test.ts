/** The emulators over real sockets: seeded data is valid, OAuth and paging behave, faults misbehave as named. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getRegistry, SchemaIds } from '../../../schemas/src/registry.js';
import { startEmulator, type Emulator } from '../../src/emulators/server.js';
import { CLR_SCOPES, OBC_SCOPES, PAGE_MAX, PATHS } from '../../src/emulators/types.js';
import { seedClr } from '../../src/emulators/seed-clr.js';
import { FAULTS } from '../../src/faults/index.js';
import { REQUIREMENTS } from '../../src/requirements/index.js';

const strict = (id: string, doc: unknown) => getRegistry().validate(id, doc, { unknownProperties: 'reject' });
const REDIRECT = 'http://127.0.0.1:9/cb';
let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.begin());

async function grant(scopes: string[], verifier = 'x'.repeat(50)) {
  const reg = (await (await fetch(`${emu.origin}${PATHS.register}`, { method: 'POST', body: JSON.stringify({ redirect_uris: [REDIRECT], grant_types: ['authorization_code', 'refresh_token'] }) })).json()) as Record<string, string>;
  const basic = `Basic ${Buffer.from(`${reg.client_id}:${reg.client_secret}`).toString('base64')}`;
  const auth = new URL(`${emu.origin}${PATHS.authorize}`);
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  for (const [k, v] of Object.entries({ response_type: 'code', client_id: reg.client_id!, redirect_uri: REDIRECT, scope: scopes.join(' '), state: 's1', code_challenge: challenge, code_challenge_method: 'S256' })) auth.searchParams.set(k, v);
  const res = await fetch(auth, { redirect: 'manual' });
  const location = new URL(res.headers.get('location')!);
  const token = (body: Record<string, string>) => fetch(`${emu.origin}${PATHS.token}`, { method: 'POST', headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) });
  return { reg, basic, res, location, token, code: location.searchParams.get('code') ?? '', verifier };
}

async function accessToken(scopes: string[]) {
  const g = await grant(scopes);
  const res = await g.token({ grant_type: 'authorization_code', code: g.code, redirect_uri: REDIRECT, scope: scopes.join(' '), code_verifier: g.verifier });
  return { ...g, tokens: (await res.json()) as Record<string, string> };
}
const get = (path: string, token: string) => fetch(`${emu.origin}${path}`, { headers: { authorization: `Bearer ${token}` } });

describe('discovery documents and seeds', () => {
  it('serves a schema-valid manifest, CLR discovery and AS metadata', async () => {
    expect(strict(SchemaIds.obc.manifest, await (await fetch(emu.manifestUrl)).json()).errors).toEqual([]);
    expect(strict(SchemaIds.clr.discovery, await (await fetch(emu.discoveryUrl)).json()).errors).toEqual([]);
    const meta = (await (await fetch(`${emu.origin}${PATHS.asMetadata}`)).json()) as Record<string, unknown>;
    expect(meta).toMatchObject({ issuer: emu.origin, code_challenge_methods_supported: ['S256'], token_endpoint_auth_methods_supported: ['client_secret_basic'] });
  });

  it('lists 12 valid OB 2.0 assertions over 3 pages of 5, with Link and X-Total-Count', async () => {
    const { tokens } = await accessToken([OBC_SCOPES[0], OBC_SCOPES[2]]);
    const offsets: number[] = [];
    let url: string | undefined = `${PATHS.obcBase}/assertions?limit=5`;
    let count = 0;
    while (url) {
      const res = await get(url.replace(emu.origin, ''), tokens.access_token!);
      const body = await res.json();
      expect(strict(SchemaIds.obc.getAssertions200, body).errors).toEqual([]);
      expect(res.headers.get('x-total-count')).toBe('12');
      count += (body as { assertions: unknown[] }).assertions.length;
      offsets.push(Number(new URL(res.url).searchParams.get('offset') ?? 0));
      url = /<([^>]+)>; rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
    }
    expect({ count, offsets }).toEqual({ count: 12, offsets: [0, 5, 10] });
    expect(strict(SchemaIds.obc.getProfile200, await (await get(`${PATHS.obcBase}/profile`, tokens.access_token!)).json()).errors).toEqual([]);
  });

  it('lists 7 valid CLRs, 3 a page, and serves each by its id', async () => {
    const { tokens } = await accessToken([CLR_SCOPES[0]]);
    const res = await get(`${PATHS.clrBase}/clrs?limit=3&offset=6`, tokens.access_token!);
    const set = (await res.json()) as { clrs: { id: string }[] };
    expect(strict(SchemaIds.clr.clrSet, set).errors).toEqual([]);
    expect(set.clrs).toHaveLength(1);
    expect(res.headers.get('link')).toContain('rel="prev"');
    const one = await (await get(new URL(set.clrs[0]!.id).pathname, tokens.access_token!)).json();
    expect(strict(SchemaIds.clr.clr, one).errors).toEqual([]);
  });

  it('answers errors in each API\'s envelope', async () => {
    const obc = await fetch(`${emu.origin}${PATHS.obcBase}/assertions`);
    expect(obc.status).toBe(401);
    expect(strict(SchemaIds.obc.errorResponse, await obc.json()).errors).toEqual([]);
    const clr = await fetch(`${emu.origin}${PATHS.clrBase}/clrs`);
    expect(clr.status).toBe(401);
    expect(strict(SchemaIds.clr.statusInfo, await clr.json()).errors).toEqual([]);
  });
});

describe('authorization server', () => {
  it('redirects at once with a code and the state, and exchanges the code once', async () => {
    const g = await grant([OBC_SCOPES[0]]);
    expect(g.res.status).toBe(302);
    expect(g.location.searchParams.get('state')).toBe('s1');
    const body = { grant_type: 'authorization_code', code: g.code, redirect_uri: REDIRECT, scope: OBC_SCOPES[0], code_verifier: g.verifier };
    expect((await g.token(body)).status).toBe(200);
    expect((await g.token(body)).status).toBe(400);
  });
  it('refuses a wrong code_verifier, a wrong secret and an unknown client', async () => {
    const g = await grant([OBC_SCOPES[0]]);
    expect(await (await g.token({ grant_type: 'authorization_code', code: g.code, redirect_uri: REDIRECT, code_verifier: 'y'.repeat(50) })).json()).toMatchObject({ error: 'invalid_grant' });
    const bad = await fetch(`${emu.origin}${PATHS.token}`, { method: 'POST', headers: { authorization: `Basic ${Buffer.from(`${g.reg.client_id}:nope`).toString('base64')}` }, body: 'grant_type=refresh_token' });
    expect(bad.status).toBe(401);
    const page = await fetch(`${emu.origin}${PATHS.authorize}?client_id=unknown&redirect_uri=${encodeURIComponent(REDIRECT)}`, { redirect: 'manual' });
    expect([page.status, page.headers.get('location')]).toEqual([400, null]);
  });
  it('records every request raw, with what it learnt', async () => {
    await accessToken([OBC_SCOPES[0]]);
    const routes = emu.calls().map((c) => c.route);
    expect(routes).toEqual(['register', 'authorize', 'token']);
    expect(emu.calls()[1]!.meta.code).toMatch(/.{20,}/);
  });
});

describe('behaving like real providers', () => {
  const post = (path: string, token: string, body: string) => fetch(`${emu.origin}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });

  it('lists a draft v1p0 badgeConnectAPI entry first, whose apiBase is refused in the Badge Connect envelope', async () => {
    const manifest = (await (await fetch(emu.manifestUrl)).json()) as { badgeConnectAPI: { version: string; apiBase: string }[] };
    expect(manifest.badgeConnectAPI.map((e) => e.version)).toEqual(['v1p0', 'v2p1']);
    expect(manifest.badgeConnectAPI[1]!.apiBase).toBe(`${emu.origin}${PATHS.obcBase}`);
    const { tokens } = await accessToken([OBC_SCOPES[0]]);
    const draft = await get(`${PATHS.obcDraftBase}/assertions`, tokens.access_token!);
    expect(draft.status).toBe(404);
    expect(strict(SchemaIds.obc.errorResponse, await draft.json()).errors).toEqual([]);
    expect(emu.calls().at(-1)!.route).toBe('draft-api');
  });

  it('offers a subset of the scopes: no profile.update, no CLR delete (all of them on request)', async () => {
    const manifest = (await (await fetch(emu.manifestUrl)).json()) as { badgeConnectAPI: { scopesOffered: string[] }[] };
    const discovery = (await (await fetch(emu.discoveryUrl)).json()) as { scopesOffered: string[] };
    expect(manifest.badgeConnectAPI[1]!.scopesOffered).toEqual([OBC_SCOPES[0], OBC_SCOPES[1], OBC_SCOPES[2]]);
    expect(discovery.scopesOffered).toEqual([CLR_SCOPES[0], CLR_SCOPES[1]]);
    const all = await startEmulator({ offerAllScopes: true });
    try {
      const full = (await (await fetch(all.manifestUrl)).json()) as { badgeConnectAPI: { scopesOffered: string[] }[] };
      expect(full.badgeConnectAPI[1]!.scopesOffered).toEqual([...OBC_SCOPES]);
    } finally {
      await all.close();
    }
  });

  it('narrows unoffered scopes out of the registration and the grant, and refuses them at the token endpoint (invalid_scope)', async () => {
    const reg = await fetch(`${emu.origin}${PATHS.register}`, { method: 'POST', body: JSON.stringify({ redirect_uris: [REDIRECT], scope: `${OBC_SCOPES[0]} ${OBC_SCOPES[3]}` }) });
    expect(((await reg.json()) as { scope: string }).scope).toBe(OBC_SCOPES[0]);
    const g = await grant([OBC_SCOPES[0], OBC_SCOPES[3], CLR_SCOPES[2]]);
    expect(g.location.searchParams.get('scope')).toBe(OBC_SCOPES[0]);
    const res = await g.token({ grant_type: 'authorization_code', code: g.code, redirect_uri: REDIRECT, scope: `${OBC_SCOPES[0]} ${OBC_SCOPES[3]}`, code_verifier: g.verifier });
    expect([res.status, ((await res.json()) as { error: string }).error]).toEqual([400, 'invalid_scope']);
  });

  it('caps every page below the seed size, whatever limit is asked', async () => {
    const { tokens } = await accessToken([OBC_SCOPES[0], CLR_SCOPES[0]]);
    for (const [path, def, max] of [[`${PATHS.obcBase}/assertions`, 5, PAGE_MAX.obc], [`${PATHS.clrBase}/clrs`, 3, PAGE_MAX.clr]] as const) {
      const key = path.endsWith('clrs') ? 'clrs' : 'assertions';
      const plain = await get(path, tokens.access_token!);
      expect(((await plain.json()) as Record<string, unknown[]>)[key]).toHaveLength(def);
      const big = await get(`${path}?limit=1000`, tokens.access_token!);
      expect(((await big.json()) as Record<string, unknown[]>)[key]).toHaveLength(max);
      expect(big.headers.get('link')).toContain('rel="next"');
    }
  });

  it('refuses a replayed code with invalid_grant and revokes the tokens issued from it', async () => {
    const g = await grant([OBC_SCOPES[0], 'offline_access']);
    const body = { grant_type: 'authorization_code', code: g.code, redirect_uri: REDIRECT, scope: OBC_SCOPES[0], code_verifier: g.verifier };
    const tokens = (await (await g.token(body)).json()) as Record<string, string>;
    expect((await get(`${PATHS.obcBase}/assertions`, tokens.access_token!)).status).toBe(200);
    const again = await g.token(body);
    expect([again.status, ((await again.json()) as { error: string }).error]).toEqual([400, 'invalid_grant']);
    expect(emu.calls().at(-1)!.meta.replayedCode).toBe(true);
    expect((await get(`${PATHS.obcBase}/assertions`, tokens.access_token!)).status).toBe(401);
    expect((await g.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token! })).status).toBe(400);
  });

  it('validates POST bodies against the request schema and answers in each API\'s error envelope', async () => {
    const { tokens } = await accessToken([OBC_SCOPES[1], CLR_SCOPES[1]]);
    const bad = await post(`${PATHS.obcBase}/assertions`, tokens.access_token!, JSON.stringify({ assertion: { type: 'Assertion' } }));
    const badBody = (await bad.json()) as { status: { statusText: string; error: string } };
    expect([bad.status, badBody.status.statusText]).toEqual([400, 'REQUEST_VALIDATION_ERROR']);
    expect(strict(SchemaIds.obc.errorResponse, badBody).errors).toEqual([]);
    const notJson = await post(`${PATHS.obcBase}/assertions`, tokens.access_token!, 'assertion=1');
    expect([notJson.status, ((await notJson.json()) as { status: { statusText: string } }).status.statusText]).toEqual([400, 'BAD_REQUEST']);
    const clr = seedClr('https://college.example.org', 0);
    const context = 'https://purl.imsglobal.org/spec/clr/v1p0/context/clr_v1p0.jsonld';
    const bare = await post(`${PATHS.clrBase}/clrs`, tokens.access_token!, JSON.stringify({ '@context': context, ...clr }));
    const bareBody = (await bare.json()) as { imsx_description: string };
    expect(bare.status).toBe(400);
    expect(strict(SchemaIds.clr.statusInfo, bareBody).errors).toEqual([]);
    expect(bareBody.imsx_description).toMatch(/not a valid ClrPayload/);
    expect((await post(`${PATHS.clrBase}/clrs`, tokens.access_token!, JSON.stringify({ '@context': context, clr }))).status).toBe(201);
  });
});

describe('faults', () => {
  it('each names requirements that exist', () => {
    for (const f of FAULTS.values()) for (const id of f.requirements) expect(REQUIREMENTS.has(id), `${f.name}: ${id}`).toBe(true);
  });
  it('paged-list cuts lists at the default page size', async () => {
    emu.begin({ fault: 'paged-list' });
    const { tokens } = await accessToken([OBC_SCOPES[0]]);
    const body = (await (await get(`${PATHS.obcBase}/assertions?limit=50`, tokens.access_token!)).json()) as { assertions: unknown[] };
    expect(body.assertions).toHaveLength(5);
  });
  it('state-mismatch sends back another state', async () => {
    emu.begin({ fault: 'state-mismatch' });
    const g = await grant([OBC_SCOPES[0]]);
    expect(g.location.searchParams.get('state')).not.toBe('s1');
  });
  it('expired-access-token answers the first call 401 invalid_token; the refreshed token works', async () => {
    emu.begin({ fault: 'expired-access-token' });
    const { tokens, token } = await accessToken([CLR_SCOPES[0], 'offline_access']);
    const first = await get(`${PATHS.clrBase}/clrs`, tokens.access_token!);
    expect([first.status, first.headers.get('www-authenticate')]).toEqual([401, expect.stringContaining('invalid_token')]);
    const renewed = (await (await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token! })).json()) as Record<string, string>;
    expect((await get(`${PATHS.clrBase}/clrs`, renewed.access_token!)).status).toBe(200);
  });
  it('revoked-grant revokes access and refresh tokens after the first success', async () => {
    emu.begin({ fault: 'revoked-grant' });
    const { tokens, token } = await accessToken([OBC_SCOPES[0], OBC_SCOPES[2], 'offline_access']);
    expect((await get(`${PATHS.obcBase}/profile`, tokens.access_token!)).status).toBe(200);
    expect((await get(`${PATHS.obcBase}/profile`, tokens.access_token!)).status).toBe(401);
    expect((await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token! })).status).toBe(400);
  });
  it('narrowed-grant leaves write scopes out of the grant, so a POST is refused for its scope', async () => {
    emu.begin({ fault: 'narrowed-grant' });
    const g = await grant([OBC_SCOPES[0], OBC_SCOPES[1]]);
    expect(g.location.searchParams.get('scope')).toBe(OBC_SCOPES[0]);
    const tokens = (await (await g.token({ grant_type: 'authorization_code', code: g.code, redirect_uri: REDIRECT, scope: `${OBC_SCOPES[0]} ${OBC_SCOPES[1]}`, code_verifier: g.verifier })).json()) as Record<string, string>;
    expect(tokens.scope).toBe(OBC_SCOPES[0]);
    const res = await fetch(`${emu.origin}${PATHS.obcBase}/assertions`, { method: 'POST', headers: { authorization: `Bearer ${tokens.access_token}`, 'content-type': 'application/json' }, body: '{}' });
    expect([res.status, res.headers.get('www-authenticate')]).toEqual([401, expect.stringContaining('insufficient_scope')]);
    expect(emu.calls().at(-1)!.meta.token).toBe('insufficient-scope');
  });
  it('post-error-envelope refuses POSTs with a valid error envelope', async () => {
    emu.begin({ fault: 'post-error-envelope' });
    const { tokens } = await accessToken([OBC_SCOPES[1]]);
    const res = await fetch(`${emu.origin}${PATHS.obcBase}/assertions`, { method: 'POST', headers: { authorization: `Bearer ${tokens.access_token}`, 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(400);
    expect(strict(SchemaIds.obc.errorResponse, await res.json()).errors).toEqual([]);
  });
});

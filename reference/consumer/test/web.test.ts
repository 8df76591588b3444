/** The wallet's pages over a real socket against a small provider: sign-in, CSRF, connect, callback, records, send, disconnect. */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_OWNER } from '../src/defaults.js';
import { PageClient } from './support/browserless.js';
import { documents, keys, publishedTree, sign, tamper } from '../../../verification/test/fixtures.js';
import { startFakeProvider, type FakeOptions, type FakeProvider, type Published } from './support/fake-provider.js';
import { startWallet, type RunningWallet } from './support/wallet-server.js';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

async function setup(options: FakeOptions = {}) {
  const provider = await startFakeProvider(options);
  let logs = '';
  const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _e, cb) => ((logs += String(chunk)), cb()) }));
  const wallet = await startWallet({ logger });
  cleanup.push(() => wallet.close(), () => provider.close());
  const client = new PageClient(wallet.origin);
  await client.signIn(DEFAULT_OWNER.username, DEFAULT_OWNER.password);
  return { provider, wallet, client, logs: () => logs };
}

/** Adds a provider through the pages; returns the callback response. */
async function connect(client: PageClient, url: string) {
  const home = await client.request('/');
  const page = await client.request('/connections', { form: { csrf: PageClient.csrf(home.html), url } });
  expect(page.status).toBe(200);
  const authorize = page.html.querySelector('#continue')!.getAttribute('href')!;
  const redirect = await fetch(authorize, { redirect: 'manual' });
  return client.request(redirect.headers.get('location')!);
}

describe('sign-in and page safety', () => {
  it('shows the sign-in page with a strict CSP and refuses a wrong password in words', async () => {
    const wallet = await startWallet();
    cleanup.push(() => wallet.close());
    const client = new PageClient(wallet.origin);
    const page = await client.request('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const wrong = await client.request('/login', { form: { csrf: PageClient.csrf(page.html), username: 'learner', password: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.html.querySelector('[role=alert]')?.text).toBe('The username or password is not right.');
    const noToken = await client.request('/login', { form: { username: 'learner', password: DEFAULT_OWNER.password } });
    expect(noToken.status).toBe(403);
  });

  it('refuses forms without the CSRF token or from another site, and unknown pages with a page', async () => {
    const { client } = await setup();
    expect((await client.request('/connections', { form: { url: 'https://example.org' } })).status).toBe(403);
    const home = await client.request('/');
    const csrf = PageClient.csrf(home.html);
    const crossSite = await client.request('/connections', { form: { csrf, url: 'https://example.org' }, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    expect(crossSite.text).toContain('submitted from another site');
    const missing = await client.request('/nowhere');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('There is no page at this address.');
    expect((await client.request('/records/unknown')).status).toBe(404);
    const huge = await client.request('/connections', { form: { csrf, url: 'x'.repeat(200_000) } });
    expect(huge.status).toBe(413);
    expect(huge.text).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('connecting a provider', () => {
  it('explains a bad address on the dashboard', async () => {
    const { client } = await setup();
    const home = await client.request('/');
    const res = await client.request('/connections', { form: { csrf: PageClient.csrf(home.html), url: 'ftp://example.org/x' } });
    expect(res.status).toBe(400);
    expect(res.html.querySelector('[role=alert]')?.text).toContain('must use https');
  });

  it('connects, reads every page and shows the badges; secrets are never rendered or logged', async () => {
    const { client, provider, logs } = await setup();
    const back = await connect(client, provider.manifestUrl);
    expect(back.status).toBe(303);
    const home = await client.request('/');
    expect(home.html.querySelector('[role=status]')?.text).toContain('12 records received');
    expect(home.html.querySelectorAll('a.record')).toHaveLength(12);
    // The fake serves no badge documents, so hosted verification cannot be done: said, with the reason.
    const first = await client.request(home.html.querySelector('a.record')!.getAttribute('href')!);
    expect(first.html.querySelector('.status')?.text).toBe('Unverifiable');
    const everything = home.text + first.text + logs();
    for (const secret of ['s3cret', 'rt-', 'at-2', 'code-1']) expect(everything).not.toContain(secret);
  });

  it('rejects a callback whose state differs, with a clear page, and keeps nothing', async () => {
    const { client, provider } = await setup({ wrongState: true });
    const back = await connect(client, provider.manifestUrl);
    expect(back.status).toBe(400);
    expect(back.text).toContain('does not belong to the sign-in this wallet started (state mismatch)');
    expect(provider.calls('/token')).toHaveLength(0);
    expect((await client.request('/')).html.querySelectorAll('.provider[data-connection]')).toHaveLength(0);
  });

  it('refuses a callback nobody started', async () => {
    const { client } = await setup();
    const res = await client.request('/callback?code=x&state=y');
    expect(res.status).toBe(400);
    expect(res.text).toContain('No connection in progress');
  });
});

/**
 * An issuer publishing real OB 2.0 documents beside the fake API: one record for each verification status
 * the wallet names. Its ids are under the provider's origin, so the wallet's fetcher may load them.
 */
async function issuerWithEveryStatus(origin: string): Promise<Published> {
  const k = await keys();
  const d = documents(`${origin}/public/`, { issuer: k.issuer.pem, foreign: k.foreign.pem });
  const signedOk = await sign(d.signed, k.issuer.privateKey);
  const revokedId = 'urn:uuid:3c574c87-b96f-4f06-8eb5-68a29335b60e'; // listed in the issuer's revocation list
  const signedRevoked = await sign({ ...d.signed, id: revokedId }, k.issuer.privateKey);
  const tampered = tamper(signedOk, (p) => ({ ...p, id: 'urn:uuid:7c0e4b8e-5d1a-4a53-9a3e-0f1e2d3c4b5a', issuedOn: '2026-01-16T10:00:00Z' }));
  const goneId = d.u('assertions/2.json');
  return {
    files: publishedTree(d),
    gone: { 'assertions/2.json': { revoked: true, revocationReason: 'Awarded to the wrong learner.' } },
    assertions: [d.hosted, { ...d.hosted, id: goneId }],
    signedAssertions: [signedOk, signedRevoked, tampered],
  };
}

describe('verification status of received records', () => {
  it('names each status on the dashboard and the reason on the record page', async () => {
    const { client, provider } = await setup({ assertions: 0, publish: issuerWithEveryStatus });
    await connect(client, provider.manifestUrl);
    const home = await client.request('/');
    const cards = home.html.querySelectorAll('a.record').map((a) => ({ href: a.getAttribute('href')!, status: a.getAttribute('data-status'), label: a.querySelector('.status')?.text }));
    expect(cards.map((c) => c.status).sort()).toEqual(['revoked', 'revoked', 'signature-invalid', 'verified', 'verified']);
    expect(new Set(cards.map((c) => c.label))).toEqual(new Set(['Verified', 'Revoked', 'Signature invalid']));
    const reasons = async (status: string) => {
      const pages = await Promise.all(cards.filter((c) => c.status === status).map((c) => client.request(c.href)));
      return pages.map((p) => p.html.querySelectorAll('.status + * li, ul.plain li').map((li) => li.text).join(' | '));
    };
    const [tampered] = await reasons('signature-invalid');
    expect(tampered).toContain('signature does not verify');
    const revoked = await reasons('revoked');
    expect(revoked, JSON.stringify(revoked)).toHaveLength(2);
    expect(revoked.some((r) => r.includes('410 Gone') && r.includes('Awarded to the wrong learner.'))).toBe(true);
    expect(revoked.some((r) => r.includes('revoked by the issuer'))).toBe(true);
  });
});

describe('send and disconnect', () => {
  it('sends a badge to a second provider and shows a refusal from a third', async () => {
    const { client, provider } = await setup();
    const second = await startFakeProvider();
    const third = await startFakeProvider({ postError: true });
    cleanup.push(() => second.close(), () => third.close());
    await connect(client, provider.manifestUrl);
    await connect(client, second.manifestUrl);
    await connect(client, third.manifestUrl);
    const home = await client.request('/');
    const badge = home.html.querySelector('a.record')!.getAttribute('href')!;
    const page = await client.request(badge);
    const options = page.html.querySelectorAll('#target option').map((o) => o.getAttribute('value')!);
    expect(options).toHaveLength(2);
    const sent = await client.request(`${badge}/send`, { form: { csrf: PageClient.csrf(page.html), target: options[0]! } });
    expect(sent.html.querySelector('[role=status]')?.text).toContain('accepted');
    expect(JSON.parse(second.calls('/ims/ob/v2p1/assertions').find((r) => r.method === 'POST')!.body)).toHaveProperty('assertion.id');
    const refused = await client.request(`${badge}/send`, { form: { csrf: PageClient.csrf(page.html), target: options[1]! } });
    expect(refused.status).toBe(502);
    expect(refused.html.querySelector('[role=alert]')?.text).toContain('INVALID_BADGE: not a badge');
  });

  it('revokes at the provider, then deletes the tokens and records', async () => {
    const { client, provider } = await setup();
    await connect(client, provider.manifestUrl);
    const home = await client.request('/');
    const id = home.html.querySelector('.provider[data-connection]')!.getAttribute('data-connection')!;
    const res = await client.request(`/connections/${id}/disconnect`, { form: { csrf: PageClient.csrf(home.html) } });
    expect(res.status).toBe(303);
    expect(provider.calls('/revoke').map((r) => new URLSearchParams(r.body).get('token_type_hint'))).toEqual(['refresh_token', 'access_token']);
    const after = await client.request('/');
    expect(after.html.querySelector('[role=status]')?.text).toContain('access revoked at the provider');
    expect(after.html.querySelectorAll('a.record')).toHaveLength(0);
  });
});

/**
 * The whole journey in Chromium (headless, found by test/support/environment.ts): sign in to the wallet, add the reference provider,
 * sign in there as alice and consent, see badges with verification status, open one, send it to a second
 * provider, add the CLR API, disconnect. Saves screenshots under test-output/wallet/.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceStack, type ReferenceStack } from '../../../scripts/lib/reference-stack.js';
import { chromiumFor } from '../../../test/support/environment.js';
import { DEFAULT_OWNER } from '../src/defaults.js';
import { startWallet, type RunningWallet } from './support/wallet-server.js';

const OUT = resolve(import.meta.dirname, '../../../test-output/wallet');
const CHROMIUM = chromiumFor('The wallet browser tests');
let stack: ReferenceStack;
let second: ReferenceStack;
let wallet: RunningWallet;
let browser: Browser;
let page: Page;
const problems: string[] = [];

async function shot(name: string): Promise<void> {
  await page.waitForLoadState('load'); // images (badges, logos) in the picture
  await page.screenshot({ path: join(OUT, name), fullPage: true });
}

beforeAll(async () => {
  if (!CHROMIUM) return;
  mkdirSync(OUT, { recursive: true });
  [stack, second] = await Promise.all([startReferenceStack(), startReferenceStack()]);
  wallet = await startWallet();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  // Error pages (401, 400, ...) log "Failed to load resource"; only CSP messages and script errors on the
  // wallet's own pages count (the providers' pages are not under test here).
  page.on('console', (m) => {
    const onWallet = page.url().startsWith(wallet.origin);
    if (onWallet && /Content Security Policy|Refused to/i.test(m.text())) problems.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(e.message));
  // Every post goes through untouched: a 403 from any of the three apps' same-origin checks is a defect.
  page.on('response', (r) => {
    if (r.request().method() === 'POST' && r.status() === 403) problems.push(`${r.url()}: POST refused with 403`);
  });
  page.setDefaultTimeout(15_000);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await wallet?.close();
  await Promise.all([stack?.close(), second?.close()]);
});

async function signInAtProvider(): Promise<void> {
  if (await page.locator('input[name=password]').count()) {
    await page.fill('input[name=username]', 'alice');
    await page.fill('input[name=password]', 'alice-demo-password');
    await page.click('button[type=submit]');
  }
}

async function connect(url: string, consentShot?: string): Promise<void> {
  await page.fill('input[name=url]', url);
  await page.click('form[action="/connections"] button[type=submit]');
  await page.waitForSelector('#continue');
  await page.click('#continue');
  await signInAtProvider();
  await page.waitForSelector('button[name=decision][value=approve]');
  if (consentShot) await shot(consentShot);
  await page.click('button[name=decision][value=approve]');
  await page.waitForURL(`${wallet.origin}/`);
}

describe.runIf(CHROMIUM)('wallet journey in Chromium', { timeout: 60_000 }, () => {
  it('signs in to the wallet', async () => {
    await page.goto(wallet.origin);
    await shot('01-sign-in.png');
    await page.fill('#username', DEFAULT_OWNER.username);
    await page.fill('#password', 'wrong');
    await page.click('button[type=submit]');
    expect(await page.locator('[role=alert]').textContent()).toContain('not right');
    await page.fill('#password', DEFAULT_OWNER.password);
    await page.click('button[type=submit]');
    await expect(page.locator('h1').textContent()).resolves.toBe('Your wallet');
  });

  it('explains a bad provider address', async () => {
    await page.fill('input[name=url]', 'http://example.com/not-a-provider');
    await page.click('form[action="/connections"] button[type=submit]');
    expect(await page.locator('[role=alert]').textContent()).toMatch(/Could not add this provider: .*https/);
  });

  it('adds the reference provider by its origin and shows the badges with their status', async () => {
    await page.fill('input[name=url]', stack.providerOrigin);
    await page.click('form[action="/connections"] button[type=submit]');
    await page.waitForSelector('#continue');
    await shot('02-connect.png');
    await page.click('#continue');
    await signInAtProvider();
    await page.waitForSelector('button[name=decision][value=approve]');
    await shot('03-provider-consent.png');
    await page.click('button[name=decision][value=approve]');
    await page.waitForURL(`${wallet.origin}/`);
    expect(await page.locator('[role=status]').textContent()).toContain('23 records received');
    expect(await page.locator('a.record').count()).toBe(23);
    expect(await page.locator('a.record[data-status=verified]').count()).toBe(23);
    await shot('04-wallet.png');
  });

  it('opens a badge with its details and verification', async () => {
    await page.locator('a.record').first().click();
    expect(await page.locator('.status').first().textContent()).toBe('Verified');
    expect(await page.locator('h3', { hasText: 'Alignments' }).count()).toBe(1);
    await shot('05-badge-details.png');
  });

  it('sends the badge to a second Badge Connect provider', async () => {
    const badgeUrl = page.url();
    await page.goto(`${wallet.origin}/`);
    await connect(second.manifestUrl);
    await page.goto(badgeUrl);
    await page.selectOption('#target', { index: 0 });
    await page.click('form[action$="/send"] button[type=submit]');
    expect(await page.locator('[role=status]').textContent()).toContain('accepted');
    await shot('06-badge-sent.png');
    // The second provider held alice's 23 seeded badges; now it also holds the one sent from the first.
    await page.goto(`${wallet.origin}/`);
    const host = new URL(second.providerOrigin).host;
    expect(await page.locator('h2', { hasText: host }).textContent()).toContain('(24)');
  });

  it('adds the CLR API of the reference provider and shows a learner record', async () => {
    await page.goto(`${wallet.origin}/`);
    await connect(`${stack.providerOrigin}/ims/clr/v1p0/discovery`, '07-clr-consent.png');
    expect(await page.locator('[role=status]').textContent()).toContain('records received');
    const clrs = page.locator('h2', { hasText: 'Learner records from' });
    expect(await clrs.textContent()).toContain('(7)');
    expect(await page.locator('a.record[data-status=verified]').count()).toBe(await page.locator('a.record').count());
    await shot('08-wallet-with-clrs.png');
    await page.locator('a.record[href^="/records/"]').last().click();
    expect(await page.locator('h2', { hasText: 'Achievements' }).count()).toBe(1);
    // The seeded record carries courses with results, a competency with alignments and evidence, and endorsements.
    for (const heading of ['Results', 'Alignments', 'Evidence', 'Endorsements']) {
      expect(await page.locator(`h3:text-is("${heading}")`).count(), heading).toBeGreaterThan(0);
    }
    expect(await page.locator('.status').first().textContent()).toBe('Verified');
    await shot('09-clr-details.png');
  });

  it('disconnects a provider', async () => {
    await page.goto(`${wallet.origin}/`);
    const before = await page.locator('.provider[data-connection]').count();
    await page.locator('.provider[data-connection]').first().locator('button.danger').click();
    expect(await page.locator('[role=status]').textContent()).toContain('access revoked at the provider');
    expect(await page.locator('.provider[data-connection]').count()).toBe(before - 1);
    await shot('10-disconnected.png');
  });

  it('had no console errors (CSP included)', () => {
    expect(problems).toEqual([]);
  });
});

/**
 * report.html in a real browser (Chromium, headless, found by test/support/environment.ts): no console
 * errors, no request but the file itself, working outcome filters and print view. Saves test-output/report-html.png.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckEvent } from '../../src/engine/events.js';
import { chromiumFor } from '../../../test/support/environment.js';
import { renderHtml } from '../../src/reporters/html.js';
import { runPlanIds } from '../support/run-suite.js';
import { startReferenceStack } from '../support/stack.js';
import { ROOT } from './support.js';

const OUT = join(ROOT, 'test-output');
const FILE = join(OUT, 'report-html.html');
const FILE_URL = pathToFileURL(FILE).href;
const CHROMIUM = chromiumFor('The report.html browser tests');

let browser: Browser;
let page: Page;
let checks: CheckEvent[];
const consoleErrors: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  if (!CHROMIUM) return;
  // A provider with two faults, so the report has failures, warnings, passes and skips.
  const stack = await startReferenceStack({ providerFaults: ['wrong-status-text', 'since-ignored'] });
  try {
    const run = await runPlanIds(stack.manifestUrl, ['obc-provider-read']);
    checks = run.checks;
    mkdirSync(OUT, { recursive: true });
    writeFileSync(FILE, renderHtml(run.events));
  } finally {
    await stack.close();
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(FILE_URL, { waitUntil: 'load' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

const visible = (selector: string) => page.locator(`${selector}:visible`).count();
const count = (outcome: string) => checks.filter((c) => c.outcome === outcome).length;

describe.runIf(CHROMIUM)('report.html in Chromium', () => {
  it('has failures, warnings and passes to show', () => {
    expect(count('fail')).toBeGreaterThan(0);
    expect(count('warning')).toBeGreaterThan(0);
    expect(count('pass')).toBeGreaterThan(0);
  });

  it('renders with no console error and requests nothing but itself', async () => {
    expect(await page.locator('h1').textContent()).toContain('Conformance report');
    expect(await page.locator('.verdict').textContent()).toBe('FAIL');
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([FILE_URL]);
  });

  it('shows failing scenarios open, with every step', async () => {
    expect(await visible('tr.step[data-outcome="fail"]')).toBe(count('fail'));
    expect(await visible('tr.step[data-outcome="pass"]')).toBeGreaterThan(0);
    await page.screenshot({ path: join(OUT, 'report-html.png') });
  });

  it('filters by outcome', async () => {
    await page.click('button[data-filter="fail"]');
    expect(await page.locator('button[data-filter="fail"]').getAttribute('aria-pressed')).toBe('true');
    expect(await visible('tr.step[data-outcome="fail"]')).toBe(count('fail'));
    expect(await visible('tr.step:not([data-outcome="fail"])')).toBe(0);
    expect(await visible('table.reqs tr[data-outcome]:not([data-outcome="fail"])')).toBe(0);
    expect(await visible('table.reqs tr[data-outcome="fail"]')).toBeGreaterThan(0);
    expect(await visible('details.scenario:not([data-has~="fail"])')).toBe(0);
    await page.screenshot({ path: join(OUT, 'report-html-fail.png') });

    // Warnings sit in passing scenarios, which the filter opens.
    await page.click('button[data-filter="warning"]');
    expect(await visible('tr.step[data-outcome="warning"]')).toBe(count('warning'));
    expect(await visible('tr.step[data-outcome="fail"]')).toBe(0);

    await page.click('button[data-filter="all"]');
    expect(await visible('tr.step[data-outcome="pass"]')).toBeGreaterThan(0);
    expect(await visible('tr.step[data-outcome="fail"]')).toBe(count('fail'));
  });

  it('opens the HTTP exchange a step links to', async () => {
    const link = page.locator('tr.step[data-outcome="fail"] a[href^="#p"]').first();
    const target = (await link.getAttribute('href'))!.slice(1);
    expect(await page.locator(`[id="${target}"]`).getAttribute('open')).toBeNull();
    await link.click();
    expect(await page.locator(`[id="${target}"]`).getAttribute('open')).toBe('');
    expect(await page.locator(`[id="${target}"] pre`).first().isVisible()).toBe(true);
  });

  it('prints without the filter bar and with every section expanded', async () => {
    await page.emulateMedia({ media: 'print' });
    await page.evaluate("window.dispatchEvent(new Event('beforeprint'))");
    expect(await page.locator('nav.filters').isVisible()).toBe(false);
    expect(await page.locator('details:not([open])').count()).toBe(0);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    expect(consoleErrors).toEqual([]);
    expect(new Set(requests)).toEqual(new Set([FILE_URL]));
  });
});

/**
 * What some tests need from outside the repository: the official 1EdTech files and a Chromium binary.
 * When present the tests run. When absent they are skipped with a message saying what is missing and how
 * to provide it, except under CI (`CI` set, as `.ci/run` does), where absence fails the run: CI must
 * never pass by skipping what it is there to check.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { DEFAULT_CACHE_DIR } from '../../conformance/src/official/manifest.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The official files, addressed by their path inside the spec-data folder (`ob/v2p1/schema/json/…`). */
export interface OfficialData {
  /** Where they were found, for messages. */
  where: string;
  /** Absolute path of a file or folder named by its spec-data path. */
  file(rel: string): string;
}

/** Folders the schema cache of `conformance schemas sync` holds, by spec-data path (the cache adds `spec/`). */
const CACHED = ['ob/v2p1/schema/json/', 'clr/v1p0/schema/json/'];

/**
 * Finds the official files holding every path in `needs`: the folder named by LRC_SPEC_DATA when set (and
 * only there), else `../shared/spec-data` beside the repository, else the schema cache that
 * `conformance schemas sync` writes (`.cache/official-schemas`, schema files only).
 */
export function locateOfficialData(needs: readonly string[], env: NodeJS.ProcessEnv = process.env, root: string = REPO_ROOT): { data?: OfficialData; looked: string[] } {
  const specData = (dir: string, where: string): OfficialData => ({ where, file: (rel) => join(dir, rel) });
  const cacheDir = resolve(root, DEFAULT_CACHE_DIR);
  const candidates: OfficialData[] = env.LRC_SPEC_DATA
    ? [specData(resolve(env.LRC_SPEC_DATA), `LRC_SPEC_DATA=${env.LRC_SPEC_DATA}`)]
    : [
        specData(resolve(root, '..', 'shared', 'spec-data'), resolve(root, '..', 'shared', 'spec-data')),
        {
          where: `${cacheDir} (conformance schemas sync)`,
          file: (rel) => (CACHED.some((p) => rel.startsWith(p)) ? join(cacheDir, 'spec', rel) : join(cacheDir, 'not-cached', rel)),
        },
      ];
  const data = candidates.find((c) => needs.every((rel) => existsSync(c.file(rel))));
  return data ? { data, looked: [] } : { looked: candidates.map((c) => c.where) };
}

const HOW_OFFICIAL =
  'Provide them with LRC_SPEC_DATA=<a copy of the spec-data folder>, or place that folder at ../shared/spec-data beside the repository; ' +
  'for the schema files alone, `npm run conformance -- schemas sync` fills .cache/official-schemas.';

/** The official files a test file needs, or undefined after registering the skip (or, under CI, the failure). */
export function officialDataFor(what: string, needs: readonly string[]): OfficialData | undefined {
  const { data, looked } = locateOfficialData(needs);
  if (!data) missing(`${what} need official 1EdTech files (${needs.join(', ')}), not found in ${looked.join(' or ')}`, HOW_OFFICIAL);
  return data;
}

/** Where Chromium usually is: Debian/Ubuntu packages, Google Chrome, the snap, macOS apps. */
export const CHROMIUM_LOCATIONS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** CHROMIUM_PATH when set (and only it), else the first usual location that exists. */
export function locateChromium(env: NodeJS.ProcessEnv = process.env, locations: readonly string[] = CHROMIUM_LOCATIONS): { path?: string; looked: string[] } {
  const candidates = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : locations;
  const path = candidates.find((p) => existsSync(p));
  return path ? { path, looked: [] } : { looked: env.CHROMIUM_PATH ? [`CHROMIUM_PATH=${env.CHROMIUM_PATH}`] : [...locations] };
}

/** The Chromium binary for a browser test file, or undefined after registering the skip (or, under CI, the failure). */
export function chromiumFor(what: string): string | undefined {
  const { path, looked } = locateChromium();
  if (!path) missing(`${what} need Chromium, not found at ${looked.join(', ')}`, 'Install it (`apt-get install chromium` on Debian/Ubuntu) or set CHROMIUM_PATH to its binary.');
  return path;
}

const inCi = () => Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';

function missing(what: string, how: string): void {
  const text = `${what}. ${how}`;
  if (inCi()) {
    describe('test environment', () => {
      it('has what these tests need (CI is set, so a missing dependency fails)', () => {
        throw new Error(text);
      });
    });
    return;
  }
  process.stderr.write(`SKIPPED: ${text}\n`);
  describe('test environment', () => {
    it.skip(`skipped: ${text}`, () => {});
  });
}

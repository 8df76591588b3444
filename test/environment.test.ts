/** Where the tests look for what lives outside the repository: the official files and Chromium. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateChromium, locateOfficialData } from './support/environment.js';

const SCHEMA = 'ob/v2p1/schema/json/imsob_v2p1v2p1-getmanifest-200-responsepayload-schemav1p0.json';
const EXAMPLE = 'ob/v2p1/examples/ob-spec-v2p1-example-manifest.json';

function put(file: string): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, '{}');
}

/** A workspace with a repository in it, and optionally spec-data beside it and a sync cache inside it. */
function workspace(options: { beside?: string[]; cache?: string[] }): string {
  const top = mkdtempSync(join(tmpdir(), 'lrc-env-'));
  const repo = join(top, 'repo');
  mkdirSync(repo);
  for (const rel of options.beside ?? []) put(join(top, 'shared', 'spec-data', rel));
  for (const rel of options.cache ?? []) put(join(repo, '.cache', 'official-schemas', 'spec', rel));
  return repo;
}

describe('locateOfficialData', () => {
  it('uses spec-data beside the repository', () => {
    const repo = workspace({ beside: [SCHEMA, EXAMPLE] });
    const { data } = locateOfficialData([SCHEMA, EXAMPLE], {}, repo);
    expect(data?.file(EXAMPLE)).toBe(join(repo, '..', 'shared', 'spec-data', EXAMPLE));
  });

  it('falls back to the sync cache for schema files only', () => {
    const repo = workspace({ cache: [SCHEMA] });
    expect(locateOfficialData([SCHEMA], {}, repo).data?.file(SCHEMA)).toBe(join(repo, '.cache', 'official-schemas', 'spec', SCHEMA));
    const examples = locateOfficialData([SCHEMA, EXAMPLE], {}, repo);
    expect(examples.data).toBeUndefined();
    expect(examples.looked).toEqual([join(repo, '..', 'shared', 'spec-data'), `${join(repo, '.cache', 'official-schemas')} (conformance schemas sync)`]);
  });

  it('looks only where LRC_SPEC_DATA points when it is set', () => {
    const repo = workspace({ beside: [SCHEMA] });
    const elsewhere = mkdtempSync(join(tmpdir(), 'lrc-spec-'));
    expect(locateOfficialData([SCHEMA], { LRC_SPEC_DATA: elsewhere }, repo)).toEqual({ looked: [`LRC_SPEC_DATA=${elsewhere}`] });
    put(join(elsewhere, SCHEMA));
    expect(locateOfficialData([SCHEMA], { LRC_SPEC_DATA: elsewhere }, repo).data?.file(SCHEMA)).toBe(join(elsewhere, SCHEMA));
  });

  it('finds nothing when a needed file is missing everywhere', () => {
    expect(locateOfficialData([EXAMPLE], {}, workspace({ beside: [SCHEMA], cache: [SCHEMA] })).data).toBeUndefined();
  });
});

describe('locateChromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lrc-chromium-'));
  const binary = join(dir, 'chromium');
  writeFileSync(binary, '');

  it('takes CHROMIUM_PATH when it exists, and only it when set', () => {
    expect(locateChromium({ CHROMIUM_PATH: binary }, [])).toEqual({ path: binary, looked: [] });
    expect(locateChromium({ CHROMIUM_PATH: join(dir, 'missing') }, [binary])).toEqual({ looked: [`CHROMIUM_PATH=${join(dir, 'missing')}`] });
  });

  it('otherwise takes the first usual location that exists', () => {
    expect(locateChromium({}, [join(dir, 'nope'), binary]).path).toBe(binary);
    expect(locateChromium({}, [join(dir, 'nope')])).toEqual({ looked: [join(dir, 'nope')] });
  });
});

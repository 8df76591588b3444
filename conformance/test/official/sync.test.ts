// `conformance schemas sync` against a local stand-in of the publisher: success, a 404, a corrupted file.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OFFICIAL_FILES, fileUrl } from '../../src/official/manifest.js';
import { stripTrailingCommas } from '../../src/official/parse.js';
import { INDEX_FILE, type CacheIndex } from '../../src/official/sync.js';
import { runCli, specDataFile, startPublisher, type Publisher, SCHEMA_FOLDERS } from './publisher.js';
import { officialDataFor } from '../../../test/support/environment.js';

const official = officialDataFor('The schemas sync tests', SCHEMA_FOLDERS);

let publisher: Publisher;

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
let tmp: string;

beforeAll(async () => {
  if (!official) return;
  publisher = await startPublisher(official);
});
afterAll(async () => {
  await publisher?.close();
});
beforeEach(() => {
  publisher?.overrides.clear();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'official-sync-'));
  return () => rmSync(tmp, { recursive: true, force: true });
});

const OB_ASSERTIONS = OFFICIAL_FILES.find((f) => f.syntaxErratum)!.path;
const CLR_GET = OFFICIAL_FILES.find((f) => f.kinds.includes('clr.clr'))!.path;

describe.runIf(official)('manifest', () => {
  it('lists the 10 Badge Connect and the 14 CLR 1.0 files under their purl URLs', () => {
    const urls = OFFICIAL_FILES.map((f) => fileUrl(f));
    expect(urls.filter((u) => u.startsWith('https://purl.imsglobal.org/spec/ob/v2p1/schema/json/imsob_v2p1v2p1-'))).toHaveLength(10);
    expect(urls.filter((u) => u.startsWith('https://purl.imsglobal.org/spec/clr/v1p0/schema/json/clrv1p0-'))).toHaveLength(14);
    for (const f of OFFICIAL_FILES) expect(existsSync(specDataFile(official!, f.path)), f.path).toBe(true);
    expect(fileUrl(OFFICIAL_FILES[0]!, 'http://127.0.0.1:9/mirror')).toBe(`http://127.0.0.1:9/mirror/${OFFICIAL_FILES[0]!.path}`);
  });

  it('strips a trailing comma outside strings only', () => {
    expect(JSON.parse(stripTrailingCommas('{"a": [1, 2,], "b": "x,}",\n}'))).toEqual({ a: [1, 2], b: 'x,}' });
  });
});

describe.runIf(official)('conformance schemas sync', () => {
  it('downloads every file with progress lines and records their digests', async () => {
    const cache = path.join(tmp, 'cache');
    const r = await runCli(['schemas', 'sync', '--source', publisher.base, '--cache', cache]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const progress = r.stdout.split('\n').filter((l) => /^\[\d+\/24\] http/.test(l));
    expect(progress).toHaveLength(24);
    expect(r.stdout).toContain('known syntax erratum, tolerated');
    expect(r.stdout).toContain(`cached 24 official schema files in ${cache}`);
    const index = JSON.parse(readFileSync(path.join(cache, INDEX_FILE), 'utf8')) as CacheIndex;
    expect(index.source).toBe(publisher.base);
    expect(index.files).toHaveLength(24);
    for (const entry of index.files) {
      const bytes = readFileSync(path.join(cache, entry.path));
      expect(bytes.equals(readFileSync(specDataFile(official!, entry.path))), entry.path).toBe(true);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry.sha256);
      expect(entry.url).toBe(`${publisher.base}${entry.path}`);
    }
    expect(index.files.find((f) => f.path === OB_ASSERTIONS)?.syntaxErratum).toMatch(/^E1/);
    expect(publisher.requests).toContain(`/${CLR_GET}`);
  }, 60_000);

  it('fails a 404 with one line and exit 2, leaving the old cache as it was', async () => {
    const cache = path.join(tmp, 'cache');
    mkdirSync(cache);
    writeFileSync(path.join(cache, INDEX_FILE), '{"old": true}');
    publisher.overrides.set(`/${CLR_GET}`, 404);
    const r = await runCli(['schemas', 'sync', '--source', publisher.base, '--cache', cache]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([`conformance: schemas sync: download failed: ${publisher.base}${CLR_GET} (HTTP 404)`]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(path.join(cache, INDEX_FILE), 'utf8')).toBe('{"old": true}');
  }, 60_000);

  it('fails a corrupted file with one line and exit 2, writing no cache', async () => {
    const cache = path.join(tmp, 'cache');
    publisher.overrides.set(`/${CLR_GET}`, '{"$schema": "http://json-schema.org/draft-04/schema#", "type": "obj');
    const r = await runCli(['schemas', 'sync', '--source', publisher.base, '--cache', cache]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^conformance: schemas sync: corrupted download: ${publisher.base}${CLR_GET} \\(not JSON: `));
    expect(existsSync(cache)).toBe(false);
  }, 60_000);

  it('rejects a file of the wrong dialect and a trailing comma where no erratum is known', async () => {
    const cache = path.join(tmp, 'cache');
    const text = readFileSync(specDataFile(official!, CLR_GET), 'utf8');
    publisher.overrides.set(`/${CLR_GET}`, text.replace('draft-04', 'draft-07'));
    const wrongDialect = await runCli(['schemas', 'sync', '--source', publisher.base, '--cache', cache]);
    expect(wrongDialect.code).toBe(2);
    expect(wrongDialect.stderr).toContain('expected a draft-04 schema');
    publisher.overrides.set(`/${CLR_GET}`, text.replace(/}\s*$/, ',}'));
    const trailing = await runCli(['schemas', 'sync', '--source', publisher.base, '--cache', cache]);
    expect(trailing.code).toBe(2);
    expect(trailing.stderr).toContain('corrupted download');
  }, 60_000);

  it('fails an unreachable publisher and a bad --source with one line and exit 2', async () => {
    const port = await closedPort();
    const unreachable = await runCli(['schemas', 'sync', '--source', `http://127.0.0.1:${port}/`, '--cache', path.join(tmp, 'c')]);
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toMatch(new RegExp(`^conformance: schemas sync: download failed: http://127\\.0\\.0\\.1:${port}/spec/ob/\\S+ \\(ECONNREFUSED\\)\n$`));
    const bad = await runCli(['schemas', 'sync', '--source', 'ftp://example.org/']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('conformance: schemas sync: --source must be an http(s) base URL, got ftp://example.org/\n');
  }, 60_000);
});

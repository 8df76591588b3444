// `conformance schemas sync`: downloads the official schema files into a local cache and records a
// SHA-256 digest of each in the cache index. Nothing is written unless every file downloads and parses.
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CACHE_DIR, OFFICIAL_FILES, PUBLISHER, fileUrl, type OfficialFile } from './manifest.js';
import { parseOfficialFile } from './parse.js';

export const INDEX_FILE = 'index.json';

export interface CacheIndexEntry {
  path: string;
  url: string;
  sha256: string;
  bytes: number;
  syntaxErratum?: string;
}

export interface CacheIndex {
  source: string;
  syncedAt: string;
  files: CacheIndexEntry[];
}

export interface SyncOptions {
  /** Publisher base URL (default the purl service); a stand-in publisher in tests. */
  source?: string;
  cacheDir?: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
  say?: (line: string) => void;
}

/** A download that cannot be used; its message is one line, fit for the command line. */
export class SyncError extends Error {
  override readonly name = 'SyncError';
}

async function download(file: OfficialFile, url: string, fetchImpl: typeof fetch, timeoutMs: number): Promise<Buffer> {
  let res: Response;
  try {
    res = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/schema+json, application/json' } });
  } catch (err) {
    const e = err as { name?: string; cause?: { code?: string; message?: string }; message?: string };
    const why = e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (e.cause?.code ?? e.cause?.message ?? e.message ?? 'network error');
    throw new SyncError(`download failed: ${url} (${why})`);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new SyncError(`download failed: ${url} (HTTP ${res.status})`);
  }
  const body = Buffer.from(await res.arrayBuffer());
  try {
    parseOfficialFile(file, body.toString('utf8'));
  } catch (err) {
    throw new SyncError(`corrupted download: ${url} (${(err as Error).message})`);
  }
  return body;
}

/** Downloads every official file, then replaces the cache contents in one step. */
export async function syncOfficialSchemas(options: SyncOptions = {}): Promise<CacheIndex> {
  const source = options.source ?? PUBLISHER;
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  const fetchImpl = options.fetchImpl ?? fetch;
  const say = options.say ?? (() => undefined);
  const downloaded: { entry: CacheIndexEntry; body: Buffer }[] = [];
  for (const [i, file] of OFFICIAL_FILES.entries()) {
    const url = fileUrl(file, source);
    const body = await download(file, url, fetchImpl, options.timeoutMs ?? 15_000);
    const sha256 = createHash('sha256').update(body).digest('hex');
    downloaded.push({ entry: { path: file.path, url, sha256, bytes: body.length, ...(file.syntaxErratum ? { syntaxErratum: file.syntaxErratum } : {}) }, body });
    say(`[${i + 1}/${OFFICIAL_FILES.length}] ${url} sha256:${sha256.slice(0, 16)} ${body.length} bytes${file.syntaxErratum ? ' (known syntax erratum, tolerated)' : ''}`);
  }
  const index: CacheIndex = { source, syncedAt: new Date().toISOString(), files: downloaded.map((d) => d.entry) };
  // Write into a fresh folder and swap it in, so a failed write never leaves a half-updated cache.
  const staging = `${path.resolve(cacheDir)}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  for (const { entry, body } of downloaded) {
    const target = path.join(staging, entry.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, body);
  }
  writeFileSync(path.join(staging, INDEX_FILE), `${JSON.stringify(index, null, 2)}\n`);
  rmSync(cacheDir, { recursive: true, force: true });
  mkdirSync(path.dirname(path.resolve(cacheDir)), { recursive: true });
  renameSync(staging, cacheDir);
  say(`cached ${downloaded.length} official schema files in ${cacheDir} (index: ${path.join(cacheDir, INDEX_FILE)})`);
  return index;
}

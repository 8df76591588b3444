/**
 * Signed run bundles: bundle.json lists every artifact of a run directory with its SHA-256 digest and
 * the run's metadata; bundle.jws is a compact JWS whose payload is exactly the bytes of bundle.json.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { CompactSign } from 'jose';
import { UsageError } from '../engine/errors.js';
import type { ExitCode, PlanStartEvent, RunEndEvent, RunEvent, RunStartEvent, RunVerdict } from '../engine/events.js';
import { parseEventLog } from '../reporters/jsonl.js';
import type { BundleAlg, SigningKey } from './keys.js';

export const BUNDLE_JSON = 'bundle.json';
export const BUNDLE_JWS = 'bundle.jws';
export const BUNDLE_PUBLIC_KEY = 'bundle-public-key.jwk';
/** The bundle's own files are not listed in it. */
export const BUNDLE_FILES: ReadonlySet<string> = new Set([BUNDLE_JSON, BUNDLE_JWS, BUNDLE_PUBLIC_KEY]);
export const BUNDLE_TYPE = 'lrc-run-bundle+json';

export interface BundleFile {
  path: string;
  sha256: string;
  bytes: number;
}

export interface BundleManifest {
  bundleVersion: 1;
  suite: { name: string; version: string } | null;
  runId: string | null;
  target: string | null;
  startedAt: string | null;
  endedAt: string | null;
  plans: string[];
  /** SHA-256 over the plans' scenario lists as run, so two runs of the same suite build compare. */
  plansDigest: string;
  verdict: RunVerdict | null;
  exitCode: ExitCode | null;
  signer: { alg: BundleAlg; kid: string; ephemeral: boolean };
  files: BundleFile[];
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Every regular file under dir (posix paths, sorted), except the bundle's own files at the top level. */
export function listArtifacts(dir: string): { files: string[]; others: string[] } {
  const files: string[] = [];
  const others: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      const path = relative(dir, full).split(sep).join('/');
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        if (!BUNDLE_FILES.has(path)) files.push(path);
      } else others.push(path);
    }
  };
  walk(dir);
  return { files: files.sort(), others: others.sort() };
}

export function buildManifest(dir: string, key: SigningKey): BundleManifest {
  const eventsFile = join(dir, 'events.jsonl');
  if (!existsSync(eventsFile)) throw new UsageError('bundle-no-events', `${dir} has no events.jsonl: not a run directory`);
  const events = parseEventLog(readFileSync(eventsFile, 'utf8'));
  const start = events.find((e): e is RunStartEvent => e.type === 'run-start');
  const end = events.find((e): e is RunEndEvent => e.type === 'run-end');
  const { files, others } = listArtifacts(dir);
  if (others.length) throw new UsageError('bundle-odd-file', `${dir}: cannot sign ${others[0]} (not a regular file)`);
  return {
    bundleVersion: 1,
    suite: start?.suite ?? null,
    runId: start?.runId ?? null,
    target: start?.target ?? null,
    startedAt: start?.time ?? null,
    endedAt: end?.time ?? null,
    plans: start?.plans ?? [],
    plansDigest: plansDigest(events),
    verdict: end?.verdict ?? null,
    exitCode: end?.exitCode ?? null,
    signer: { alg: key.alg, kid: key.kid, ephemeral: key.ephemeral },
    files: files.map((path) => {
      const data = readFileSync(join(dir, path));
      return { path, sha256: sha256(data), bytes: data.length };
    }),
  };
}

export function plansDigest(events: readonly RunEvent[]): string {
  const plans = events
    .filter((e): e is PlanStartEvent => e.type === 'plan-start')
    .map((e) => ({ id: e.planId, scenarios: e.scenarios }));
  return sha256(JSON.stringify(plans));
}

/** Writes bundle.json, bundle.jws and the public key, and returns their paths. */
export async function writeBundle(dir: string, key: SigningKey): Promise<{ manifest: BundleManifest; files: string[] }> {
  const manifest = buildManifest(dir, key);
  const bytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  const jws = await new CompactSign(bytes)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: BUNDLE_TYPE })
    .sign(key.privateKey);
  const paths = [join(dir, BUNDLE_JSON), join(dir, BUNDLE_JWS), join(dir, BUNDLE_PUBLIC_KEY)];
  await writeFile(paths[0]!, bytes);
  await writeFile(paths[1]!, `${jws}\n`);
  await writeFile(paths[2]!, `${JSON.stringify(key.publicJwk, null, 2)}\n`);
  return { manifest, files: paths };
}

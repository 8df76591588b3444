/**
 * verify-report: checks a run directory's signature and every digest, and names each tampered,
 * missing or extra file. The signed payload, not bundle.json on disk, is the manifest of record.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compactVerify, decodeProtectedHeader } from 'jose';
import { UsageError } from '../engine/errors.js';
import { BUNDLE_JSON, BUNDLE_JWS, BUNDLE_PUBLIC_KEY, listArtifacts, sha256, type BundleManifest } from './bundle.js';
import { loadPublicKey } from './keys.js';

export interface VerifyResult {
  ok: boolean;
  signature: 'valid' | 'invalid' | 'missing';
  /** Where the public key came from: the operator's file, or the copy inside the run directory. */
  keySource: 'given' | 'run-directory' | 'none';
  tampered: string[];
  missing: string[];
  extra: string[];
  problems: string[];
  manifest?: BundleManifest;
}

export async function verifyBundle(dir: string, publicKeyFile?: string): Promise<VerifyResult> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError('verify-no-dir', `no run directory at ${dir}`);
  const result: VerifyResult = { ok: false, signature: 'missing', keySource: 'none', tampered: [], missing: [], extra: [], problems: [] };
  const jwsFile = join(dir, BUNDLE_JWS);
  if (!existsSync(jwsFile)) {
    result.problems.push(`${BUNDLE_JWS} is missing: the run directory is not signed`);
    return result;
  }
  const keyFile = publicKeyFile ?? join(dir, BUNDLE_PUBLIC_KEY);
  if (!publicKeyFile && !existsSync(keyFile)) {
    result.problems.push(`no public key: pass --public-key, or keep ${BUNDLE_PUBLIC_KEY} in the run directory`);
    return result;
  }
  const { key, alg } = loadPublicKey(keyFile);
  result.keySource = publicKeyFile ? 'given' : 'run-directory';
  const jws = readFileSync(jwsFile, 'utf8').trim();
  let payload: Uint8Array;
  try {
    const header = decodeProtectedHeader(jws);
    if (header.alg !== alg) throw new Error(`signed with ${String(header.alg)}, key is for ${alg}`);
    payload = (await compactVerify(jws, key, { algorithms: [alg] })).payload;
  } catch (err) {
    result.signature = 'invalid';
    result.problems.push(`${BUNDLE_JWS}: signature does not verify (${(err as Error).message})`);
    return result;
  }
  result.signature = 'valid';
  let manifest: BundleManifest;
  try {
    manifest = JSON.parse(Buffer.from(payload).toString('utf8')) as BundleManifest;
    if (!Array.isArray(manifest.files)) throw new Error('no file list');
  } catch (err) {
    result.problems.push(`signed manifest is unreadable (${(err as Error).message})`);
    return result;
  }
  result.manifest = manifest;
  const onDisk = existsSync(join(dir, BUNDLE_JSON)) ? readFileSync(join(dir, BUNDLE_JSON)) : undefined;
  if (!onDisk) result.missing.push(BUNDLE_JSON);
  else if (!Buffer.from(payload).equals(onDisk)) result.tampered.push(BUNDLE_JSON);

  const listed = new Set<string>();
  for (const f of manifest.files) {
    listed.add(f.path);
    const full = join(dir, f.path);
    if (!existsSync(full)) result.missing.push(f.path);
    else if (sha256(readFileSync(full)) !== f.sha256) result.tampered.push(f.path);
  }
  const { files, others } = listArtifacts(dir);
  result.extra.push(...files.filter((p) => !listed.has(p)), ...others);
  result.ok = result.tampered.length === 0 && result.missing.length === 0 && result.extra.length === 0 && result.problems.length === 0;
  return result;
}

/** The lines verify-report prints: the signature, one line per bad file, then the verdict. */
export function describeVerification(r: VerifyResult): string[] {
  const lines: string[] = [];
  if (r.signature === 'valid') {
    const m = r.manifest;
    lines.push(`signature: valid (${m?.signer?.alg ?? '?'}, key ${m?.signer?.kid ?? '?'})`);
    if (r.keySource === 'run-directory') {
      lines.push(`note: checked with ${BUNDLE_PUBLIC_KEY} from the run directory, which proves integrity, not who signed; pass --public-key to check the signer`);
    }
    if (m) lines.push(`run: ${m.runId ?? '?'} of ${m.suite?.name ?? '?'} ${m.suite?.version ?? '?'} against ${m.target ?? '?'}, plans ${m.plans.join(', ')}, verdict ${m.verdict ?? '?'}`);
  }
  for (const p of r.problems) lines.push(`error: ${p}`);
  for (const f of r.tampered) lines.push(`tampered: ${f} (digest differs from the signed manifest)`);
  for (const f of r.missing) lines.push(`missing: ${f}`);
  for (const f of r.extra) lines.push(`extra: ${f} (not in the signed manifest)`);
  lines.push(r.ok ? `OK: ${r.manifest?.files.length ?? 0} files match the signed manifest` : 'FAILED: the run directory does not match its signature');
  return lines;
}

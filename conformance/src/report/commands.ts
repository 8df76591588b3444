/** The report-side subcommands: diff, verify-report and sign. Each returns its exit code. */
import { existsSync, statSync } from 'node:fs';
import { UsageError } from '../engine/errors.js';
import { writeBundle } from './bundle.js';
import { diffRuns, formatDiff, loadRunResults } from './diff.js';
import { ephemeralSigningKey, loadSigningKey, type SigningKey } from './keys.js';
import { describeVerification, verifyBundle } from './verify.js';

type Say = (line: string) => void;

/** Exit 1 when the current run has a failure the previous one did not, so CI can block regressions. */
export function diffCommand(previous: string, current: string, flags: { json?: boolean }, say: Say): 0 | 1 {
  const result = diffRuns(loadRunResults(previous), loadRunResults(current));
  if (flags.json) say(JSON.stringify(result, null, 2));
  else for (const line of formatDiff(result)) say(line);
  return result.counts['new-failure'] > 0 ? 1 : 0;
}

export async function verifyReportCommand(dir: string, flags: { publicKey?: string }, say: Say): Promise<0 | 1> {
  const result = await verifyBundle(dir, flags.publicKey);
  for (const line of describeVerification(result)) say(line);
  return result.ok ? 0 : 1;
}

/** The operator's key, or a fresh Ed25519 key whose public half is printed. */
export async function signingKeyFor(file: string | undefined): Promise<SigningKey> {
  return file ? loadSigningKey(file) : ephemeralSigningKey();
}

/** Signs a run directory and says where the bundle went and which key verifies it. */
export async function signRunDirectory(dir: string, key: SigningKey, say: Say): Promise<string[]> {
  const { files } = await writeBundle(dir, key);
  if (key.ephemeral) {
    say(`bundle signed with an ephemeral ${key.alg} key; its public key (also in bundle-public-key.jwk): ${JSON.stringify(key.publicJwk)}`);
  } else {
    say(`bundle signed with ${key.alg} key ${key.kid}`);
  }
  return files;
}

/** Re-signs a run directory, e.g. after `conformance report` added files to it. */
export async function signCommand(dir: string, flags: { signKey?: string }, say: Say): Promise<0> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError('sign-no-dir', `no run directory at ${dir}`);
  const key = await signingKeyFor(flags.signKey);
  const files = await signRunDirectory(dir, key, say);
  say(`bundle: ${files.join(', ')}`);
  return 0;
}

/** Signed bundles: every artifact's digest under a JWS; verify-report names what was changed. */
import { generateKeyPairSync } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/engine/errors.js';
import { signCommand, verifyReportCommand } from '../../src/report/commands.js';
import { writeBundle, type BundleManifest } from '../../src/report/bundle.js';
import { ephemeralSigningKey, loadSigningKey } from '../../src/report/keys.js';
import { verifyBundle } from '../../src/report/verify.js';
import { jsonReporter } from '../../src/reporters/json.js';
import { sampleEvents } from '../reporters/fixtures.js';

async function runDir(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'lrc-bundle-'));
  writeFileSync(join(dir, 'events.jsonl'), sampleEvents().map((e) => JSON.stringify(e)).join('\n'));
  await jsonReporter.finish!(sampleEvents(), dir);
  return dir;
}

function keyFile(dir: string, name: string, type: 'ed25519' | 'ec' | 'rsa', format: 'pem' | 'jwk'): { priv: string; pub: string } {
  const pair =
    type === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ed25519');
  const priv = join(dir, `${name}.key`);
  const pub = join(dir, `${name}.pub`);
  if (format === 'pem') {
    writeFileSync(priv, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(pub, pair.publicKey.export({ type: 'spki', format: 'pem' }));
  } else {
    writeFileSync(priv, JSON.stringify(pair.privateKey.export({ format: 'jwk' })));
    writeFileSync(pub, JSON.stringify(pair.publicKey.export({ format: 'jwk' })));
  }
  return { priv, pub };
}

describe('signed bundle', () => {
  it('lists every artifact with its digest and the run metadata', async () => {
    const dir = await runDir();
    const { manifest } = await writeBundle(dir, await ephemeralSigningKey());
    const onDisk = JSON.parse(readFileSync(join(dir, 'bundle.json'), 'utf8')) as BundleManifest;
    expect(onDisk).toEqual(manifest);
    expect(manifest).toMatchObject({
      bundleVersion: 1,
      suite: { name: 'lrc-conformance', version: '0.1.0' },
      runId: 'r1',
      target: 'https://p.example.com',
      plans: ['obc-provider-read'],
      verdict: 'fail',
      exitCode: 1,
      signer: { alg: 'EdDSA', ephemeral: true },
    });
    expect(manifest.plansDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.files.map((f) => f.path)).toEqual(['events.jsonl', 'summary.json']);
    expect(readFileSync(join(dir, 'bundle.jws'), 'utf8').split('.')).toHaveLength(3);
  });

  it('verifies, then names a tampered, a missing and an extra file', async () => {
    const dir = await runDir();
    await writeBundle(dir, await ephemeralSigningKey());
    expect((await verifyBundle(dir)).ok).toBe(true);
    const summary = join(dir, 'summary.json');
    const bytes = readFileSync(summary);
    bytes[10] = bytes[10]! ^ 1;
    writeFileSync(summary, bytes);
    rmSync(join(dir, 'events.jsonl'));
    writeFileSync(join(dir, 'notes.txt'), 'added later');
    const lines: string[] = [];
    expect(await verifyReportCommand(dir, {}, (l) => lines.push(l))).toBe(1);
    expect(lines).toContain('tampered: summary.json (digest differs from the signed manifest)');
    expect(lines).toContain('missing: events.jsonl');
    expect(lines).toContain('extra: notes.txt (not in the signed manifest)');
    expect(lines.at(-1)).toBe('FAILED: the run directory does not match its signature');
  });

  it('names bundle.json when the manifest on disk no longer matches the signed one', async () => {
    const dir = await runDir();
    await writeBundle(dir, await ephemeralSigningKey());
    appendFileSync(join(dir, 'bundle.json'), ' ');
    expect((await verifyBundle(dir)).tampered).toEqual(['bundle.json']);
  });

  for (const [type, format, alg] of [['ed25519', 'pem', 'EdDSA'], ['ec', 'jwk', 'ES256'], ['rsa', 'pem', 'RS256']] as const) {
    it(`signs with an operator ${type} key given as ${format} (${alg}) and checks the signer`, async () => {
      const dir = await runDir();
      const keys = mkdtempSync(join(tmpdir(), 'lrc-keys-'));
      const mine = keyFile(keys, 'mine', type, format);
      const other = keyFile(keys, 'other', type, format);
      const lines: string[] = [];
      await signCommand(dir, { signKey: mine.priv }, (l) => lines.push(l));
      expect(lines[0]).toMatch(new RegExp(`^bundle signed with ${alg} key `));
      const good = await verifyBundle(dir, mine.pub);
      expect(good).toMatchObject({ ok: true, signature: 'valid', keySource: 'given' });
      const bad = await verifyBundle(dir, other.pub);
      expect(bad).toMatchObject({ ok: false, signature: 'invalid' });
      expect(bad.problems[0]).toMatch(/^bundle\.jws: signature does not verify/);
    });
  }

  it('refuses unusable keys as usage errors', async () => {
    const keys = mkdtempSync(join(tmpdir(), 'lrc-keys-'));
    writeFileSync(join(keys, 'pub.jwk'), JSON.stringify(generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' })));
    writeFileSync(join(keys, 'rsa1.pem'), generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }));
    writeFileSync(join(keys, 'x448.pem'), generateKeyPairSync('x448').privateKey.export({ type: 'pkcs8', format: 'pem' }));
    await expect(loadSigningKey(join(keys, 'pub.jwk'))).rejects.toThrow(/no private part/);
    await expect(loadSigningKey(join(keys, 'rsa1.pem'))).rejects.toThrow(/PKCS#8/);
    await expect(loadSigningKey(join(keys, 'x448.pem'))).rejects.toThrow(/unsupported key type x448/);
    await expect(loadSigningKey(join(keys, 'none.pem'))).rejects.toBeInstanceOf(UsageError);
  });

  it('reports an unsigned directory as a failure and a missing one as a usage error', async () => {
    const dir = await runDir();
    expect(await verifyBundle(dir)).toMatchObject({ ok: false, signature: 'missing' });
    await expect(verifyBundle(join(dir, 'nope'))).rejects.toBeInstanceOf(UsageError);
  });
});

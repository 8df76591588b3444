/**
 * Keys for signing run bundles: the operator's (PKCS#8 PEM or private JWK) or an ephemeral Ed25519
 * key whose public half is printed and saved beside the bundle.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { calculateJwkThumbprint, type JWK } from 'jose';
import { UsageError } from '../engine/errors.js';

export type BundleAlg = 'EdDSA' | 'ES256' | 'RS256';

export interface SigningKey {
  privateKey: KeyObject;
  alg: BundleAlg;
  publicJwk: JWK;
  /** RFC 7638 thumbprint of the public key, used as kid. */
  kid: string;
  ephemeral: boolean;
}

export async function loadSigningKey(file: string): Promise<SigningKey> {
  const privateKey = readKey(file, 'private');
  return describe(privateKey, false);
}

export async function ephemeralSigningKey(): Promise<SigningKey> {
  return describe(generateKeyPairSync('ed25519').privateKey, true);
}

/** A public key for verify-report: SPKI PEM, a public or private JWK, or a private PEM (its public half). */
export function loadPublicKey(file: string): { key: KeyObject; alg: BundleAlg } {
  const key = readKey(file, 'public');
  return { key, alg: algFor(key, file) };
}

export function publicJwkOf(key: KeyObject): JWK {
  const jwk = createPublicKey(key).export({ format: 'jwk' }) as JWK;
  return { ...jwk, alg: algFor(key, 'key'), use: 'sig' };
}

async function describe(privateKey: KeyObject, ephemeral: boolean): Promise<SigningKey> {
  const alg = algFor(privateKey, 'signing key');
  const publicJwk = publicJwkOf(privateKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return { privateKey, alg, publicJwk: { ...publicJwk, kid }, kid, ephemeral };
}

function readKey(file: string, want: 'private' | 'public'): KeyObject {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError('key-unreadable', `cannot read key file ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  try {
    if (text.trimStart().startsWith('{')) {
      const jwk = JSON.parse(text) as JWK;
      if (want === 'private') {
        if (!jwk.d) throw new Error('the JWK has no private part ("d")');
        return createPrivateKey({ key: jwk as never, format: 'jwk' });
      }
      return createPublicKey({ key: stripPrivate(jwk) as never, format: 'jwk' });
    }
    if (want === 'private') {
      if (!/-----BEGIN PRIVATE KEY-----/.test(text)) throw new Error('expected a PKCS#8 PEM ("BEGIN PRIVATE KEY") or a JWK');
      return createPrivateKey(text);
    }
    return createPublicKey(text);
  } catch (err) {
    throw new UsageError('key-malformed', `key file ${file}: ${(err as Error).message.split('\n')[0]}`);
  }
}

function stripPrivate(jwk: JWK): JWK {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = jwk;
  return pub;
}

function algFor(key: KeyObject, what: string): BundleAlg {
  const type = key.asymmetricKeyType;
  if (type === 'ed25519') return 'EdDSA';
  if (type === 'rsa') return 'RS256';
  if (type === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  throw new UsageError('key-unsupported', `${what}: unsupported key type ${type ?? 'unknown'} (use Ed25519, P-256 or RSA)`);
}

import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { SqliteDatabase } from '../../../shared/sqlite.js';
import { SIGNING_KEY_BITS } from '../defaults.js';

/** Supplied key material (option `signingKey`); otherwise one is generated on first start and stored. */
export interface SigningKeyInput {
  privateKeyPem: string;
}

export interface SigningKey {
  /** Path segment of the key's public URL (`/public/keys/{kid}`), derived from the public key. */
  kid: string;
  privateKey: KeyObject;
  publicKeyPem: string;
}

const kidFor = (publicKeyPem: string) =>
  'rsa-' + createHash('sha256').update(publicKeyPem).digest('base64url').slice(0, 16);

function fromPrivatePem(privatePem: string): SigningKey {
  const privateKey = createPrivateKey(privatePem);
  if (privateKey.asymmetricKeyType !== 'rsa') throw new Error('signingKey must be an RSA private key (RS256)');
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return { kid: kidFor(publicKeyPem), privateKey, publicKeyPem };
}

/** The one signing key: supplied, or the stored one, or a new RSA key stored for next time. */
export function loadOrCreateSigningKey(db: SqliteDatabase, now: number, supplied?: SigningKeyInput): SigningKey {
  if (supplied) return fromPrivatePem(supplied.privateKeyPem);
  const row = db.prepare('SELECT private_pem FROM keys ORDER BY created_at LIMIT 1').get() as
    | { private_pem: string }
    | undefined;
  if (row) return fromPrivatePem(row.private_pem);
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: SIGNING_KEY_BITS });
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const key = fromPrivatePem(privatePem);
  db.prepare('INSERT INTO keys (kid, private_pem, public_pem, created_at) VALUES (?, ?, ?, ?)').run(
    key.kid,
    privatePem,
    key.publicKeyPem,
    now,
  );
  return key;
}

import { compactVerify, importSPKI } from 'jose';
import { blocked, fail, pass, skip, type Check } from '../../engine/verdict.js';
import { decodeCompactJws } from './compact-jws.js';

export interface SignatureInput {
  jws: string;
  /** `publicKeyPem` of the CryptographicKey named by `verification.creator` (or the JWS `kid`); undefined when none was found. */
  publicKeyPem: string | undefined;
  keyUrl: string | undefined;
}

/** The signed assertion's signature verifies with the issuer's published key (OB 2.0 SignedBadge). */
export const ensureSignedAssertionSignature: Check<SignatureInput> = {
  id: 'ensure-signed-assertion-signature',
  title: 'Signed assertion verifies with its published key',
  async run({ jws, publicKeyPem, keyUrl }) {
    const decoded = decodeCompactJws(jws);
    if (!decoded.ok) return fail(`not a compact JWS: ${decoded.error}`);
    if (!keyUrl) return skip('neither verification.creator nor the JWS "kid" names a key URL: signature not verified');
    // The key was asked for and not served: the check lacked data, it did not find the rule inapplicable.
    if (publicKeyPem === undefined) {
      return blocked(`no publicKeyPem could be read from ${keyUrl}: signature not verified`, `the signing key ${keyUrl}`, { keyUrl }, `a CryptographicKey with publicKeyPem served at ${keyUrl}`);
    }
    const alg = String(decoded.jws.header.alg);
    let key: Awaited<ReturnType<typeof importSPKI>>;
    try {
      key = await importSPKI(publicKeyPem, alg);
    } catch (err) {
      return fail(`the key at ${keyUrl} cannot be used for ${alg}: ${err instanceof Error ? err.message : String(err)}`, { keyUrl });
    }
    try {
      await compactVerify(jws.trim(), key, { algorithms: [alg] });
      return pass(`signature (${alg}) verifies with ${keyUrl}`);
    } catch (err) {
      return fail(`signature does not verify with ${keyUrl}: ${err instanceof Error ? err.message : String(err)}`, { keyUrl, alg });
    }
  },
};

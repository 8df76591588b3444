/**
 * A stand-in for a vendor's own issuer on loopback: an OB 2.0 issuer profile, CryptographicKey, badge class
 * and the hosted assertions a caller publishes, so the Write plan can be given assertions (--post-assertion)
 * that a verifying provider accepts: hosted at their HTTP id, or signed under the published key.
 * Used by `npm run demo`, the benchmark and the self-tests, so all three post the same kind of badge.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CompactSign, exportSPKI, generateKeyPair } from 'jose';
import type { SuppliedAssertion } from '../../conformance/src/engine/config.js';

const OB2 = 'https://w3id.org/openbadges/v2';

export interface DemoIssuer {
  origin: string;
  /** A hosted assertion for `email`, published at its id. */
  hosted(email: string, n: number): Record<string, unknown>;
  /** A signed assertion for `email` (compact JWS) under the published key. */
  signed(email: string, n: number): Promise<string>;
  /** As the run config takes them. */
  supplied(email: string, n: number, form?: 'hosted' | 'signed'): Promise<SuppliedAssertion>;
  close(): Promise<void>;
}

export async function startDemoIssuer(): Promise<DemoIssuer> {
  const docs = new Map<string, Record<string, unknown>>();
  const server = createServer((req, res) => {
    const doc = docs.get(req.url ?? '');
    res.writeHead(doc ? 200 : 404, { 'content-type': 'application/ld+json' }).end(doc ? JSON.stringify(doc) : '{}');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const at = (path: string, doc: Record<string, unknown>) => {
    docs.set(path, doc);
    return doc;
  };
  at('/issuer', { '@context': OB2, type: 'Issuer', id: `${origin}/issuer`, name: 'Vendor test issuer', url: origin, email: 'issuer@example.org', publicKey: `${origin}/key` });
  at('/key', { '@context': OB2, type: 'CryptographicKey', id: `${origin}/key`, owner: `${origin}/issuer`, publicKeyPem: await exportSPKI(publicKey) });
  at('/badge', {
    '@context': OB2, type: 'BadgeClass', id: `${origin}/badge`, name: 'Vendor test badge', description: 'Posted by the conformance suite\u2019s Write plan.',
    image: `${origin}/badge.png`, criteria: { narrative: 'Be the test user.' }, issuer: `${origin}/issuer`,
  });
  const assertion = (email: string, id: string, verification: Record<string, unknown>) => ({
    '@context': OB2, type: 'Assertion', id, recipient: { type: 'email', hashed: false, identity: email },
    badge: `${origin}/badge`, verification, issuedOn: '2025-06-01T12:00:00Z',
  });
  const hosted = (email: string, n: number) => at(`/assertions/${n}`, assertion(email, `${origin}/assertions/${n}`, { type: 'HostedBadge' }));
  const signedDoc = (email: string, n: number) => assertion(email, `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, { type: 'SignedBadge', creator: `${origin}/key` });
  const sign = (doc: object) => new CompactSign(new TextEncoder().encode(JSON.stringify(doc))).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
  return {
    origin,
    hosted,
    signed: (email, n) => sign(signedDoc(email, n)),
    async supplied(email, n, form = 'hosted') {
      if (form === 'hosted') {
        const doc = hosted(email, n);
        return { source: `test hosted ${n}`, id: String(doc.id), doc, payload: { assertion: doc } };
      }
      const doc = signedDoc(email, n);
      return { source: `test signed ${n}`, id: String(doc.id), doc, payload: { signedAssertion: await sign(doc) } };
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

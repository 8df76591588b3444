/** How verification results become the wallet's status words, and the fetcher's origin fence. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { VerificationResult } from '../../../verification/src/index.js';
import { restrictedFetcher, summarize } from '../src/verify.js';

const result = (steps: [string, 'pass' | 'fail' | 'unverifiable'][], status: VerificationResult['status']): VerificationResult => ({
  status,
  method: 'signed',
  steps: steps.map(([code, outcome]) => ({ code, outcome, message: `${code} ${outcome}` })),
});

describe('summarize', () => {
  it('names verified, signature invalid, revoked, not valid and unverifiable, with the reasons', () => {
    expect(summarize(result([['signed.bad-signature', 'pass']], 'verified'))).toMatchObject({ status: 'verified', reasons: [] });
    expect(summarize(result([['signed.bad-signature', 'fail']], 'failed'))).toMatchObject({ status: 'signature-invalid', reasons: ['signed.bad-signature fail'] });
    expect(summarize(result([['revocation.revoked', 'fail'], ['signed.bad-signature', 'fail']], 'failed')).status).toBe('revoked');
    expect(summarize(result([['hosted.gone', 'fail']], 'failed')).status).toBe('revoked');
    expect(summarize(result([['validity.expired', 'fail']], 'failed')).status).toBe('invalid');
    expect(summarize(result([['signed.key-unavailable', 'unverifiable']], 'unverifiable'))).toMatchObject({
      status: 'unverifiable',
      reasons: ['signed.key-unavailable unverifiable'],
    });
    expect(summarize(result([], 'unverifiable')).reasons).toEqual(['No verification method applies to this record']);
  });
});

describe('restrictedFetcher', () => {
  it('fetches only from allowed origins, also across redirects', async () => {
    const server = createServer((req, res) => {
      if (req.url === '/doc') res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      else res.writeHead(302, { location: 'http://127.0.0.2:9/elsewhere' }).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const fetcher = restrictedFetcher(() => new Set([origin]));
      expect(await fetcher(`${origin}/doc`)).toMatchObject({ ok: true, status: 200, body: '{"ok":true}' });
      expect(await fetcher('https://example.org/issuer')).toMatchObject({ ok: false, reason: 'not-allowed' });
      expect(await fetcher(`${origin}/redirect`)).toMatchObject({ ok: false });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

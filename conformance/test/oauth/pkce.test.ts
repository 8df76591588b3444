import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { challengeS256, createPkce, createVerifier, UNRESERVED } from '../../src/actions/pkce.js';

describe('PKCE RFC7636', () => {
  it('makes verifiers of the asked length from the unreserved set (§4.1)', () => {
    for (const length of [43, 64, 128]) {
      const v = createVerifier(length);
      expect(v).toHaveLength(length);
      expect(v).toMatch(UNRESERVED);
    }
  });

  it('refuses lengths outside 43..128', () => {
    expect(() => createVerifier(42)).toThrow(RangeError);
    expect(() => createVerifier(129)).toThrow(RangeError);
  });

  it('computes S256 as in the RFC 7636 Appendix B example', () => {
    expect(challengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('pairs a fresh verifier with its challenge', () => {
    const a = createPkce();
    const b = createPkce();
    expect(a.verifier).not.toBe(b.verifier);
    expect(a.method).toBe('S256');
    expect(a.challenge).toBe(createHash('sha256').update(a.verifier).digest('base64url'));
  });
});

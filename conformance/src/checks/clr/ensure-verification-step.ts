import type { VerificationResult, VerificationStep } from '../../../../verification/src/index.js';
import { blocked, fail, pass, skip, type Check } from '../../engine/verdict.js';

const MAX_LISTED = 10;

/**
 * One verification step code of a VerificationResult as a verdict: any failing step with that code
 * fails (named by its code); otherwise any step the verifier could not complete is a skip with its
 * reason (never a pass); otherwise the passing steps pass.
 */
export function ensureVerificationStep(code: string, what: string): Check<VerificationResult> {
  return {
    id: 'ensure-verification-step',
    title: `${what}: ${code}`,
    run(result) {
      const steps = result.steps.filter((s) => s.code === code);
      const failed = steps.filter((s) => s.outcome === 'fail');
      if (failed.length) {
        return fail(`${code}: ${failed[0]!.message}${failed.length > 1 ? ` (+${failed.length - 1} more)` : ''}`, {
          code,
          method: result.method,
          failed: failed.slice(0, MAX_LISTED),
        });
      }
      const open = steps.filter((s) => s.outcome === 'unverifiable');
      if (open.length) {
        const message = `${code} not verifiable: ${open[0]!.message}`;
        const evidence = { code, method: result.method, unverifiable: open.slice(0, MAX_LISTED) };
        const wanted = open.map(missingData).find((m) => m !== undefined);
        if (!wanted) return skip(message, evidence);
        const more = open.length > 1 ? ` (+${open.length - 1} more)` : '';
        return blocked(message, `${wanted.needs}${more}`, evidence, wanted.remedy);
      }
      if (steps.length === 0) {
        return result.steps.length === 0
          ? skip(`not verifiable: the verifier produced no steps (status ${result.status})`, { code, status: result.status })
          : skip(`no ${code} step in this verification`, { code, status: result.status });
      }
      return pass(`${code}: ${steps.length === 1 ? steps[0]!.message : `${steps.length} steps pass`}`, { code, method: result.method });
    },
  };
}

/** The step codes of a result in first-seen order: one check call each. */
export function stepCodes(result: VerificationResult): string[] {
  return [...new Set(result.steps.map((s) => s.code))];
}

/**
 * What an unverifiable step lacked, when it lacked data: a document that could not be fetched (remedy: the
 * run's own, e.g. validate's --allow-network / --resolve), or the JWS of a signed object given as JSON.
 * Undefined when the rule does not apply or cannot be decided by any data (a CLR naming no verification
 * method, an issuer id that is no URL): those stay plain skips.
 */
export function missingData(s: VerificationStep): { needs: string; remedy?: string } | undefined {
  const e = s.evidence ?? {};
  const at = (key: string) => (typeof e[key] === 'string' && e[key] ? ` ${String(e[key])}` : '');
  const where = typeof e.path === 'string' ? ` (for ${e.path})` : '';
  // The library words the message after "<path>: " for nested steps.
  const text = typeof e.path === 'string' && s.message.startsWith(`${e.path}: `) ? s.message.slice(e.path.length + 2) : s.message;
  switch (s.code) {
    case 'signed.key-unavailable':
      return { needs: `the signing key${at('creator')}${where}` };
    case 'signed.key-not-owned':
      return { needs: `the issuer profile, to check who owns the key${at('key')}${where}` };
    case 'revocation.list-unavailable':
      return { needs: text.startsWith('issuer unavailable') ? `the issuer profile, for its revocation list${where}` : `the revocation list${at('revocationList')}${where}` };
    case 'hosted.fetch-failed':
      return { needs: `the hosted copy${at('id')}${where}` };
    case 'issuer.unavailable':
      return { needs: `the issuer profile${at('url')}${where}` };
    case 'badge.unavailable':
      return { needs: `the badge class${at('url')}${where}` };
    case 'hosted.origin-not-allowed':
      return text.startsWith('issuer profile unavailable') ? { needs: `the issuer profile, for its verification policy${where}` } : undefined;
    case 'signed.malformed':
      return /presented as JSON/.test(text)
        ? { needs: `the compact JWS of the signed object${where}`, remedy: 'give the compact JWS as it was issued, not its decoded JSON' }
        : undefined;
    default:
      return undefined;
  }
}

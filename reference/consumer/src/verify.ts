/**
 * Verification of received records through the shared verification library. The fetcher may reach only
 * the origins of connected providers (no SSRF through a badge's URLs, and no tracking of the learner by
 * third parties when a badge is opened).
 */
import { createFetcher, verifyAssertion, verifyClr, type Fetcher, type VerificationResult } from '../../../verification/src/index.js';
import { MAX_RESPONSE_BYTES, REQUEST_TIMEOUT_MS } from './defaults.js';

export type WalletStatus = 'verified' | 'signature-invalid' | 'revoked' | 'invalid' | 'unverifiable';

export const STATUS_LABELS: Record<WalletStatus, string> = {
  verified: 'Verified',
  'signature-invalid': 'Signature invalid',
  revoked: 'Revoked',
  invalid: 'Not valid',
  unverifiable: 'Unverifiable',
};

export interface WalletVerification {
  status: WalletStatus;
  method: VerificationResult['method'];
  /** One sentence per failed or unverifiable step: why. */
  reasons: string[];
  /** Every step, for the details page. */
  steps: { code: string; outcome: string; message: string }[];
}

const REVOKED_CODES = new Set(['hosted.revoked', 'hosted.gone', 'revocation.revoked']);

export function summarize(result: VerificationResult): WalletVerification {
  const failed = result.steps.filter((s) => s.outcome === 'fail');
  const unsure = result.steps.filter((s) => s.outcome === 'unverifiable');
  let status: WalletStatus = 'verified';
  if (failed.some((s) => REVOKED_CODES.has(s.code))) status = 'revoked';
  else if (failed.some((s) => s.code === 'signed.bad-signature')) status = 'signature-invalid';
  else if (failed.length > 0 || result.status === 'failed') status = 'invalid';
  else if (unsure.length > 0 || result.status !== 'verified') status = 'unverifiable';
  const reasons = [...failed, ...unsure].map((s) => s.message);
  if (status === 'unverifiable' && reasons.length === 0) reasons.push('No verification method applies to this record');
  return {
    status,
    method: result.method,
    reasons,
    steps: result.steps.map((s) => ({ code: s.code, outcome: s.outcome, message: s.message })),
  };
}

/** A network fetcher that refuses every origin not in `allowed()` (checked again on each redirect hop). */
export function restrictedFetcher(allowed: () => ReadonlySet<string>, fetchImpl: typeof fetch = fetch): Fetcher {
  const permitted = (url: string) => {
    try {
      return allowed().has(new URL(url).origin);
    } catch {
      return false;
    }
  };
  const guardedFetch: typeof fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!permitted(url)) return Promise.reject(new Error(`not a connected provider: ${new URL(url).origin}`));
    return fetchImpl(input, init);
  };
  const inner = createFetcher({ allowNetwork: true, timeoutMs: REQUEST_TIMEOUT_MS, maxBytes: MAX_RESPONSE_BYTES, fetchImpl: guardedFetch });
  return async (url) => {
    if (!permitted(url)) return { ok: false, url, reason: 'not-allowed', message: `the wallet only fetches from connected providers (${url})` };
    return inner(url);
  };
}

export async function verifyRecord(
  kind: 'assertion' | 'clr',
  raw: string | Record<string, unknown>,
  fetcher: Fetcher,
  recipientEmail?: string,
): Promise<WalletVerification> {
  const options = recipientEmail ? { fetcher, expectedRecipient: { type: 'email', value: recipientEmail } } : { fetcher };
  try {
    return summarize(kind === 'assertion' ? await verifyAssertion(raw, options) : await verifyClr(raw, options));
  } catch (err) {
    return { status: 'unverifiable', method: 'none', reasons: [`Verification could not run: ${(err as Error).message}`], steps: [] };
  }
}

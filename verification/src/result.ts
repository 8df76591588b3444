// Result types of the verification library and the helpers that build them.
import type { Fetcher } from './fetcher.js';

export type VerificationOutcome = 'pass' | 'fail' | 'unverifiable';
export interface VerificationStep {
  code: string;
  outcome: VerificationOutcome;
  message: string;
  evidence?: Record<string, unknown>;
}
export interface VerificationResult {
  status: 'verified' | 'failed' | 'unverifiable';
  method: 'hosted' | 'signed' | 'none';
  steps: VerificationStep[];
  document?: Record<string, unknown>;
}
export interface VerifyOptions {
  fetcher: Fetcher;
  now?: Date;
  expectedRecipient?: { type: string; value: string };
}

/** The stable step codes (contract: docs/CONTRACTS.md, "verification/"). */
export const CODES = {
  hostedFetchFailed: 'hosted.fetch-failed',
  hostedMismatch: 'hosted.mismatch',
  hostedOriginNotAllowed: 'hosted.origin-not-allowed',
  hostedGone: 'hosted.gone',
  hostedRevoked: 'hosted.revoked',
  signedMalformed: 'signed.malformed',
  signedUnsupportedAlg: 'signed.unsupported-alg',
  signedBadSignature: 'signed.bad-signature',
  signedKeyUnavailable: 'signed.key-unavailable',
  signedKeyNotOwned: 'signed.key-not-owned',
  signedPayloadInvalid: 'signed.payload-invalid',
  revocationRevoked: 'revocation.revoked',
  revocationListUnavailable: 'revocation.list-unavailable',
  validityExpired: 'validity.expired',
  validityIssuedInFuture: 'validity.issued-in-future',
  recipientMismatch: 'recipient.mismatch',
  endorsementFailed: 'endorsement.failed',
  schemaInvalid: 'schema.invalid',
  // Documents given on their own (badge class, profile, key, revocation list): what they point at.
  badgeUnavailable: 'badge.unavailable',
  badgeInvalid: 'badge.invalid',
  issuerUnavailable: 'issuer.unavailable',
  issuerInvalid: 'issuer.invalid',
  keyUnusable: 'key.unusable',
  revocationListInvalid: 'revocation.list-invalid',
} as const;
export type StepCode = (typeof CODES)[keyof typeof CODES];

export function step(code: StepCode, outcome: VerificationOutcome, message: string, evidence?: Record<string, unknown>): VerificationStep {
  return evidence === undefined ? { code, outcome, message } : { code, outcome, message, evidence };
}
export const pass = (code: StepCode, message: string, evidence?: Record<string, unknown>) => step(code, 'pass', message, evidence);
export const fail = (code: StepCode, message: string, evidence?: Record<string, unknown>) => step(code, 'fail', message, evidence);
export const unverifiable = (code: StepCode, message: string, evidence?: Record<string, unknown>) =>
  step(code, 'unverifiable', message, evidence);

/** failed beats unverifiable beats verified; no steps at all is not a verification. */
export function overallStatus(steps: VerificationStep[]): VerificationResult['status'] {
  if (steps.some((s) => s.outcome === 'fail')) return 'failed';
  if (steps.length === 0 || steps.some((s) => s.outcome === 'unverifiable')) return 'unverifiable';
  return 'verified';
}

/** Nested results keep their stable codes; the path goes in front of the message and into evidence. */
export function nestSteps(path: string, steps: VerificationStep[]): VerificationStep[] {
  return steps.map((s) => ({
    ...s,
    message: `${path}: ${s.message}`,
    evidence: { ...s.evidence, path: typeof s.evidence?.['path'] === 'string' ? `${path}.${s.evidence['path']}` : path },
  }));
}

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const asArray = <T>(v: T | T[] | undefined | null): T[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
export const isHttpUrl = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\//i.test(v);

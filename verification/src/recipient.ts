// Recipient matching: IdentityObject (plaintext or sha256$/md5$ hash with salt) against an expected value.
import { createHash } from 'node:crypto';
import { CODES, fail, isObject, pass, type Json, type VerificationStep } from './result.js';

export interface ExpectedRecipient {
  type: string;
  value: string;
}

/** Whether one identity object names the expected recipient. */
export function identityMatches(identity: Json, expected: ExpectedRecipient): { match: boolean; reason: string } {
  if (identity['type'] !== expected.type) return { match: false, reason: `recipient type ${JSON.stringify(identity['type'])} is not ${expected.type}` };
  const value = identity['identity'];
  if (typeof value !== 'string') return { match: false, reason: 'recipient.identity is missing' };
  const salt = typeof identity['salt'] === 'string' ? identity['salt'] : '';
  const hashed = /^(sha256|md5)\$([0-9a-f]+)$/i.exec(value);
  if (identity['hashed'] === true || (identity['hashed'] === undefined && hashed)) {
    if (!hashed) return { match: false, reason: 'hashed identity is not sha256$… or md5$…' };
    const alg = (hashed[1] ?? '').toLowerCase() === 'md5' ? 'md5' : 'sha256';
    const digest = createHash(alg).update(expected.value + salt).digest('hex');
    return digest === (hashed[2] ?? '').toLowerCase() ? { match: true, reason: `${alg} hash matches` } : { match: false, reason: `${alg} hash does not match` };
  }
  // Email addresses compare case-insensitively; other identities exactly.
  const same = expected.type === 'email' ? value.toLowerCase() === expected.value.toLowerCase() : value === expected.value;
  return same ? { match: true, reason: 'plaintext identity matches' } : { match: false, reason: 'plaintext identity differs' };
}

export function checkRecipient(doc: Json, expected: ExpectedRecipient): VerificationStep {
  const recipient = doc['recipient'];
  if (!isObject(recipient)) return fail(CODES.recipientMismatch, 'no recipient to compare', { expectedType: expected.type });
  const { match, reason } = identityMatches(recipient, expected);
  return match ? pass(CODES.recipientMismatch, reason, { type: expected.type }) : fail(CODES.recipientMismatch, reason, { type: expected.type });
}

/** A CLR learner Profile compared with the expected recipient through the property `type` names. */
export function checkLearner(learner: unknown, expected: ExpectedRecipient): VerificationStep {
  if (!isObject(learner)) return fail(CODES.recipientMismatch, 'the CLR has no learner profile');
  const values = (Array.isArray(learner[expected.type]) ? (learner[expected.type] as unknown[]) : [learner[expected.type]]).filter(
    (v): v is string => typeof v === 'string',
  );
  const eq = (v: string) => (expected.type === 'email' ? v.toLowerCase() === expected.value.toLowerCase() : v === expected.value);
  return values.some(eq)
    ? pass(CODES.recipientMismatch, `learner ${expected.type} matches`)
    : fail(CODES.recipientMismatch, `learner ${expected.type} is not the expected recipient`, { type: expected.type });
}

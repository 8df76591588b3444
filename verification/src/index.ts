// Public API of verification/ (contract: docs/CONTRACTS.md, "verification/").
export { createFetcher, type Fetcher, type FetchedDocument, type FetcherOptions } from './fetcher.js';
export {
  CODES,
  type StepCode,
  type VerificationOutcome,
  type VerificationResult,
  type VerificationStep,
  type VerifyOptions,
} from './result.js';
export { verifyAssertion } from './assertion.js';
export { verifyClr } from './clr.js';
export { verifyEndorsement } from './endorsement.js';
export { verifyBadgeClass, verifyBadgeOf, verifyCryptographicKey, verifyProfile, verifyRevocationList } from './ob20-classes.js';
export { canonicalJson } from './hosted.js';
export { identityMatches } from './recipient.js';

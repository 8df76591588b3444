/**
 * Which requirements each candidate fault fails and warns on, in which scenario: one table for the two
 * candidates that share fault names (the in-test consumer and the reference wallet), so the expectation is
 * written once. A rule we reconstructed (no consumer text states it) is judged as a warning, so its fault
 * fails nothing and warns on the rule.
 */
import type { TestFault } from './test-consumer.js';

export type FaultCase = [planId: string, fault: TestFault, scenarioId: string, fails: string[], warns?: string[]];

/** Faults both candidates have (the wallet's `--fault` names). */
export const SHARED_FAULT_CASES: FaultCase[] = [
  ['obc-consumer-read', 'skip-pkce', 'consumer-obc-authorize', ['OBC21-CONSUMER-PKCE-S256']],
  ['obc-consumer-read', 'pkce-plain', 'consumer-obc-authorize', ['OBC21-CONSUMER-PKCE-S256']],
  ['obc-consumer-read', 'omit-state', 'consumer-obc-authorize', ['OBC21-CONSUMER-STATE']],
  ['obc-consumer-read', 'ignore-state-mismatch', 'consumer-obc-authorize-state-mismatch', ['OBC21-CONSUMER-STATE-CHECK']],
  ['obc-consumer-read', 'omit-software-id', 'consumer-obc-discovery-registration', ['OBC21-CONSUMER-REGISTRATION-METADATA']],
  ['obc-consumer-read', 'client-secret-post', 'consumer-obc-discovery-registration', ['OBC21-CONSUMER-REGISTRATION-AUTH-METHOD']],
  ['obc-consumer-read', 'client-secret-post', 'consumer-obc-token', ['OBC21-CONSUMER-TOKEN-BASIC-AUTH']],
  ['obc-consumer-read', 'first-page-only', 'consumer-obc-get-assertions-paged', ['OBC21-CERT-consumer-pagination']],
  ['obc-consumer-read', 'token-in-query', 'consumer-obc-get-assertions', ['OBC21-CONSUMER-BEARER-HEADER']],
  ['obc-consumer-read', 'unoffered-scope', 'consumer-obc-authorize', [], ['OBC21-CONSUMER-SCOPES-OFFERED']],
  ['obc-consumer-read', 'no-refresh', 'consumer-obc-expired-token', [], ['OBC21-CONSUMER-REFRESH']],
  ['obc-consumer-read', 'retry-forever', 'consumer-obc-revoked-grant', [], ['OBC21-CONSUMER-REVOKED-STOP']],
  ['obc-consumer-write', 'ignore-post-error', 'consumer-obc-post-error', [], ['OBC21-CONSUMER-POST-ERROR']],
  ['obc-consumer-write', 'extension-fields', 'consumer-obc-post-assertion', ['OBC21-CERT-consumer-no-extension-fields']],
  ['clr-consumer', 'skip-pkce', 'consumer-clr-authorize', ['CLR10-CONSUMER-PKCE-S256']],
  ['clr-consumer', 'omit-state', 'consumer-clr-authorize', ['CLR10-CONSUMER-STATE']],
  ['clr-consumer', 'unoffered-scope', 'consumer-clr-authorize', [], ['CLR10-CONSUMER-SCOPES-OFFERED']],
  ['clr-consumer', 'ignore-state-mismatch', 'consumer-clr-authorize-state-mismatch', ['CLR10-CONSUMER-STATE-CHECK']],
  ['clr-consumer', 'omit-software-id', 'consumer-clr-discovery-registration', ['CLR10-CONSUMER-REGISTRATION-METADATA']],
  ['clr-consumer', 'client-secret-post', 'consumer-clr-discovery-registration', ['CLR10-CONSUMER-REGISTRATION-AUTH-METHOD']],
  ['clr-consumer', 'client-secret-post', 'consumer-clr-token', ['CLR10-CONSUMER-TOKEN-BASIC-AUTH']],
  ['clr-consumer', 'first-page-only', 'consumer-clr-get-clrs-paged', [], ['CLR10-CONSUMER-PAGINATION']],
  ['clr-consumer', 'token-in-query', 'consumer-clr-get-clrs', [], ['CLR10-CONSUMER-BEARER-HEADER']],
  ['clr-consumer', 'no-refresh', 'consumer-clr-expired-token', [], ['CLR10-CONSUMER-REFRESH']],
  ['clr-consumer', 'retry-forever', 'consumer-clr-revoked-grant', [], ['CLR10-CONSUMER-REVOKED-STOP']],
];

/** Faults only the in-test consumer has: the wallet's code cannot be talked into them. */
export const TEST_CONSUMER_FAULT_CASES: FaultCase[] = [
  ['obc-consumer-read', 'register-before-discovery', 'consumer-obc-discovery-registration', ['OBC21-CONSUMER-DISCOVERY']],
  ['obc-consumer-read', 'http-redirect-uri', 'consumer-obc-discovery-registration', ['OBC21-CONSUMER-REGISTRATION-URLS']],
  ['obc-consumer-read', 'redirect-uris-two-hosts', 'consumer-obc-discovery-registration', ['OBC21-CONSUMER-REGISTRATION-URLS']],
  ['obc-consumer-read', 'omit-token-redirect-uri', 'consumer-obc-token', ['OBC21-CONSUMER-TOKEN-PARAMS']],
  ['obc-consumer-read', 'skip-profile', 'consumer-obc-get-profile', ['OBC21-CERT-consumer-read']],
  // The emulator refuses the invalid body, so the call also never succeeds.
  ['obc-consumer-write', 'invalid-payload', 'consumer-obc-post-assertion', ['OBC21-CERT-consumer-write', 'OBC21-CONSUMER-PAYLOAD-VALID']],
  ['clr-consumer', 'register-before-discovery', 'consumer-clr-discovery-registration', [], ['CLR10-CONSUMER-DISCOVERY']],
  ['clr-consumer', 'http-redirect-uri', 'consumer-clr-discovery-registration', ['CLR10-CONSUMER-REGISTRATION-URLS']],
  ['clr-consumer', 'omit-token-redirect-uri', 'consumer-clr-token', ['CLR10-CONSUMER-TOKEN-PARAMS']],
  // Mistakes that show only because the emulators behave as real providers do (issue 8).
  ['obc-consumer-read', 'offset-as-page', 'consumer-obc-get-assertions', ['OBC21-CERT-consumer-pagination']],
  // CLR 1.0 paging and which scopes to ask for are not stated for consumers in the text: warnings.
  ['clr-consumer', 'offset-as-page', 'consumer-clr-get-clrs', [], ['CLR10-CONSUMER-PAGINATION']],
  ['obc-consumer-read', 'first-api-entry', 'consumer-obc-discovery-registration', ['OBC21-CONSUMER-API-VERSION']],
  ['obc-consumer-write', 'first-api-entry', 'consumer-obc-discovery-registration', ['OBC21-CONSUMER-API-VERSION']],
  ['obc-consumer-read', 'fixed-state', 'consumer-obc-authorize-state-fresh', ['OBC21-CONSUMER-STATE-FRESH']],
  ['clr-consumer', 'fixed-state', 'consumer-clr-authorize-state-fresh', ['CLR10-CONSUMER-STATE-FRESH']],
  ['obc-consumer-read', 'all-scopes', 'consumer-obc-authorize', [], ['OBC21-CONSUMER-SCOPES-OFFERED']],
  ['clr-consumer', 'all-scopes', 'consumer-clr-authorize', [], ['CLR10-CONSUMER-SCOPES-OFFERED']],
  ['obc-consumer-read', 'replay-code', 'consumer-obc-token', ['OBC21-CONSUMER-CODE-ONCE']],
  ['clr-consumer', 'replay-code', 'consumer-clr-token', ['CLR10-CONSUMER-CODE-ONCE']],
  ['obc-consumer-write', 'ignore-granted-scope', 'consumer-obc-post-narrowed-grant', ['OBC21-CONSUMER-WRITE-SCOPE']],
  ['clr-consumer', 'bare-clr', 'consumer-clr-post-clr', ['CLR10-CONSUMER-PAYLOAD-VALID']],
  ['clr-consumer', 'extension-fields', 'consumer-clr-post-clr', ['CLR10-CONSUMER-NO-EXTENSION-FIELDS']],
];

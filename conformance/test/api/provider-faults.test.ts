/**
 * Self-test, negative direction: each provider fault of docs/CONTRACTS.md, switched on alone, makes the
 * expected check of the expected scenario fail (MUST rules) or warn (SHOULD rules), citing the expected
 * requirement. Setup scenarios run first; an ad-hoc plan gets every scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultOutcome } from '../../src/engine/events.js';
import { startForeignIssuer, type ForeignIssuer } from '../support/foreign-issuer.js';
import { runScenarioIds } from '../support/run-suite.js';
import { startReferenceStack } from '../support/stack.js';

// The write scenarios post what a vendor supplies: two assertions of a loopback issuer for the test user (alice).
let issuer: ForeignIssuer;
let n = 0;
beforeAll(async () => {
  issuer = await startForeignIssuer();
});
afterAll(() => issuer?.close());

const SETUP = ['provider-manifest-discovery', 'auth-server-registration', 'auth-server-authorization-code'];

interface Expectation {
  fault: string;
  scenario: string;
  check: string;
  outcome: Extract<ResultOutcome, 'fail' | 'warning'>;
  requirement: string;
  /** Scenarios to run after the setup (default: `scenario` alone). */
  run?: string[];
}

const EXPECTED: Expectation[] = [
  { fault: 'manifest-missing-token-url', scenario: 'provider-manifest-discovery', check: 'ensure-schema-valid', outcome: 'fail', requirement: 'OBC21-MANIFEST-PROPERTIES', run: [] },
  { fault: 'manifest-wrong-version', scenario: 'provider-manifest-discovery', check: 'ensure-manifest-entry', outcome: 'fail', requirement: 'OBC21-MANIFEST-VERSION', run: [] },
  { fault: 'manifest-bad-api-base', scenario: 'provider-manifest-discovery', check: 'ensure-manifest-entry', outcome: 'fail', requirement: 'OBC21-MANIFEST-API-BASE', run: [] },
  { fault: 'envelope-missing-status', scenario: 'provider-get-assertions', check: 'ensure-status-envelope', outcome: 'fail', requirement: 'OBC21-ENVELOPE' },
  { fault: 'wrong-status-text', scenario: 'provider-api-auth-refusals', check: 'ensure-status-text', outcome: 'fail', requirement: 'OBC21-STATUS-TEXT' },
  { fault: 'no-auth-required', scenario: 'provider-api-auth-refusals', check: 'ensure-status', outcome: 'fail', requirement: 'OBC21-AUTH-BEARER' },
  { fault: 'no-auth-required', scenario: 'provider-post-assertion-scope', check: 'ensure-assertion-absent', outcome: 'fail', requirement: 'OBC21-AUTH-BEARER' },
  { fault: 'scope-not-enforced', scenario: 'provider-api-auth-refusals', check: 'ensure-status', outcome: 'fail', requirement: 'OBC21-SCOPE' },
  { fault: 'scope-not-enforced', scenario: 'provider-post-assertion-scope', check: 'ensure-assertion-absent', outcome: 'fail', requirement: 'OBC21-SCOPE' },
  { fault: 'query-token-accepted', scenario: 'provider-api-auth-refusals', check: 'ensure-status', outcome: 'warning', requirement: 'OBC21-AUTH-HEADER-ONLY' },
  { fault: 'paging-no-link-header', scenario: 'provider-get-assertions-paging', check: 'ensure-link-header', outcome: 'fail', requirement: 'OBC21-PAGINATION-LINK' },
  { fault: 'paging-duplicates', scenario: 'provider-get-assertions-paging', check: 'ensure-no-duplicate-assertions', outcome: 'fail', requirement: 'OBC21-PAGINATION-OFFSET' },
  // A reconstructed reading of SPEC21 (the exactness of a sent total): a warning.
  { fault: 'paging-wrong-total-count', scenario: 'provider-get-assertions-paging', check: 'ensure-total-count', outcome: 'warning', requirement: 'OBC21-PAGINATION-TOTAL-COUNT-ACCURATE' },
  { fault: 'limit-ignored', scenario: 'provider-get-assertions-paging', check: 'ensure-page-size', outcome: 'warning', requirement: 'OBC21-LIMIT' },
  { fault: 'since-ignored', scenario: 'provider-get-assertions-since', check: 'ensure-since-respected', outcome: 'warning', requirement: 'OBC21-SINCE' },
  { fault: 'invalid-assertion-in-list', scenario: 'provider-get-assertions', check: 'ensure-schema-valid', outcome: 'fail', requirement: 'OB20-Assertion' },
  { fault: 'invalid-jsonld-in-list', scenario: 'provider-get-assertions', check: 'ensure-jsonld-valid', outcome: 'fail', requirement: 'OB20-JSON-LD' },
  { fault: 'bad-signed-assertion', scenario: 'provider-get-assertions', check: 'ensure-signed-assertion-signature', outcome: 'warning', requirement: 'OB20-SignedBadge' },
  { fault: 'post-assertion-not-stored', scenario: 'provider-post-assertion', check: 'ensure-assertion-round-trip', outcome: 'fail', requirement: 'OBC21-POST-ASSERTION' },
  { fault: 'post-assertion-accepts-invalid', scenario: 'provider-post-assertion-invalid', check: 'ensure-status', outcome: 'warning', requirement: 'OBC21-POST-ASSERTION-VERIFY' },
  { fault: 'post-assertion-duplicates', scenario: 'provider-post-assertion-update', check: 'ensure-no-duplicate-assertions', outcome: 'fail', requirement: 'OBC21-POST-ASSERTION-UPDATE', run: ['provider-post-assertion', 'provider-post-assertion-update'] },
  { fault: 'profile-missing', scenario: 'provider-get-profile', check: 'ensure-profile', outcome: 'fail', requirement: 'OBC21-PROFILE' },
  { fault: 'no-405', scenario: 'provider-api-not-found-and-method', check: 'ensure-status', outcome: 'fail', requirement: 'OBC21-METHOD-NOT-ALLOWED' },
  { fault: 'no-404-envelope', scenario: 'provider-api-not-found-and-method', check: 'ensure-json-body', outcome: 'fail', requirement: 'OBC21-ENVELOPE' },
  { fault: 'revoked-token-accepted', scenario: 'auth-server-revocation', check: 'ensure-token-rejected', outcome: 'warning', requirement: 'OBC21-REVOCATION-ACCESS' },
];

describe.concurrent('provider faults are caught', () => {
  it.each(EXPECTED)('$fault → $scenario/$check [$outcome] $requirement', async (e) => {
    const stack = await startReferenceStack({ providerFaults: [e.fault] });
    try {
      const scenarios = e.run ? [...SETUP.filter((id) => id !== e.scenario), ...e.run] : [...SETUP, e.scenario];
      const postAssertions = [await issuer.supplied('alice@example.com', ++n), await issuer.supplied('alice@example.com', ++n, 'signed')];
      const run = await runScenarioIds(stack.manifestUrl, e.run?.length === 0 ? [e.scenario] : scenarios, { postAssertions });
      const found = run.checks.filter((c) => c.scenarioId === e.scenario && c.checkId === e.check && c.requirementIds.includes(e.requirement));
      const summary = run.problems.map((p) => `${p.scenarioId}/${p.checkId} [${p.outcome}] ${p.requirementIds.join(',')}: ${p.message}`).join('\n');
      expect(found.map((c) => c.outcome), summary).toContain(e.outcome);
      if (e.outcome === 'warning') expect(run.end.exitCode, summary).toBe(0);
      else expect(run.end.exitCode, summary).toBe(1);
    } finally {
      await stack.close();
    }
  }, 60_000);
});

describe('fault table', () => {
  it('covers every provider fault named in docs/CONTRACTS.md', async () => {
    const { readFile } = await import('node:fs/promises');
    const contracts = await readFile(new URL('../../../docs/CONTRACTS.md', import.meta.url), 'utf8');
    const section = contracts.slice(contracts.indexOf('Provider fault names:'));
    const names = [...section.slice(0, section.indexOf('\n\n', 30)).matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(20);
    expect(new Set(EXPECTED.map((e) => e.fault))).toEqual(new Set(names));
  });
});

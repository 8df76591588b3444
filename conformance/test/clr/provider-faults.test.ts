/**
 * Self-test, negative direction: each CLR provider fault of docs/CONTRACTS.md, switched on alone, makes the
 * expected check of the expected scenario fail (MUST rules) or warn (SHOULD rules), citing the expected
 * requirement. The setup scenarios and clr-provider-get-clrs (it learns the learner's email) run first.
 */
import { describe, expect, it } from 'vitest';
import type { ResultOutcome } from '../../src/engine/events.js';
import { runScenarioIds } from '../support/run-suite.js';
import { startReferenceStack } from '../support/stack.js';
import { clrFaultNames, waitForClrApi } from './support.js';

const SETUP = ['clr-provider-discovery', 'clr-provider-registration', 'clr-provider-authorization-code', 'clr-provider-get-clrs'];

interface Expectation {
  fault: string;
  scenario: string;
  check: string;
  outcome: Extract<ResultOutcome, 'fail' | 'warning'>;
  requirement: string;
}

export const CLR_FAULT_TABLE: Expectation[] = [
  { fault: 'clr-discovery-missing-token-url', scenario: 'clr-provider-discovery', check: 'ensure-schema-valid', outcome: 'fail', requirement: 'CLR10-DISCOVERY-DOCUMENT' },
  { fault: 'clr-error-not-status-info', scenario: 'clr-provider-auth-refusals', check: 'ensure-status-info', outcome: 'fail', requirement: 'CLR10-STATUS-INFO' },
  { fault: 'clr-wrong-code-minor', scenario: 'clr-provider-auth-refusals', check: 'ensure-code-minor', outcome: 'fail', requirement: 'CLR10-CODE-MINOR' },
  { fault: 'clr-no-auth-required', scenario: 'clr-provider-auth-refusals', check: 'ensure-status', outcome: 'fail', requirement: 'CLR10-AUTH-REQUIRED' },
  { fault: 'clr-scope-not-enforced', scenario: 'clr-provider-auth-refusals', check: 'ensure-status', outcome: 'fail', requirement: 'CLR10-SCOPE-READONLY' },
  { fault: 'clr-paging-no-link-header', scenario: 'clr-provider-get-clrs-paging', check: 'ensure-link-header', outcome: 'fail', requirement: 'CLR10-PAGING-LINK' },
  { fault: 'clr-paging-duplicates', scenario: 'clr-provider-get-clrs-paging', check: 'ensure-no-duplicate-assertions', outcome: 'fail', requirement: 'CLR10-PAGING-OFFSET' },
  { fault: 'clr-since-ignored', scenario: 'clr-provider-get-clrs-since', check: 'ensure-since-respected', outcome: 'warning', requirement: 'CLR10-SINCE' },
  { fault: 'clr-invalid-in-list', scenario: 'clr-provider-get-clrs', check: 'ensure-clr-schema', outcome: 'fail', requirement: 'CLR10-CLR-SCHEMA' },
  { fault: 'clr-bad-signature', scenario: 'clr-provider-verify-clrs', check: 'ensure-verification-step', outcome: 'fail', requirement: 'CLR10-SIGNED-VERIFY' },
  { fault: 'clr-key-wrong-owner', scenario: 'clr-provider-verify-clrs', check: 'ensure-verification-step', outcome: 'fail', requirement: 'CLR10-SIGNED-VERIFY' },
  { fault: 'clr-get-deleted-returns-200', scenario: 'clr-provider-post-clr-round-trip', check: 'ensure-status', outcome: 'fail', requirement: 'CLR10-DELETE-CLR' },
  { fault: 'clr-delete-ignored', scenario: 'clr-provider-post-clr-round-trip', check: 'ensure-status', outcome: 'fail', requirement: 'CLR10-DELETE-CLR' },
  { fault: 'clr-post-not-stored', scenario: 'clr-provider-post-clr-round-trip', check: 'ensure-status', outcome: 'fail', requirement: 'CLR10-POST-CLR' },
  { fault: 'clr-post-accepts-invalid', scenario: 'clr-provider-post-clr-invalid', check: 'ensure-status', outcome: 'fail', requirement: 'CLR10-POST-CLR-INVALID' },
  { fault: 'clr-post-replace-returns-201', scenario: 'clr-provider-post-clr-replace', check: 'ensure-status', outcome: 'fail', requirement: 'CLR10-POST-CLR-REPLACE' },
  { fault: 'clr-hosted-mismatch', scenario: 'clr-provider-verify-clrs', check: 'ensure-verification-step', outcome: 'fail', requirement: 'CLR10-HOSTED-VERIFY' },
];

describe.concurrent('CLR provider faults are caught', () => {
  it.each(CLR_FAULT_TABLE)('$fault → $scenario/$check [$outcome] $requirement', async (e) => {
    const stack = await startReferenceStack({ providerFaults: [e.fault] });
    try {
      const discovery = await waitForClrApi(stack.providerOrigin);
      const scenarios = [...new Set([...SETUP, e.scenario])];
      const run = await runScenarioIds(discovery, scenarios);
      const found = run.checks.filter((c) => c.scenarioId === e.scenario && c.checkId === e.check && c.requirementIds.includes(e.requirement));
      const summary = run.problems.map((p) => `${p.scenarioId}/${p.checkId} [${p.outcome}] ${p.requirementIds.join(',')}: ${p.message}`).join('\n');
      expect(found.map((c) => c.outcome), summary).toContain(e.outcome);
      expect(run.end.exitCode, summary).toBe(e.outcome === 'warning' ? 0 : 1);
    } finally {
      await stack.close();
    }
  }, 90_000);
});

describe('CLR fault table', () => {
  it('covers every CLR provider fault named in docs/CONTRACTS.md', async () => {
    const names = await clrFaultNames();
    expect(names.length).toBeGreaterThan(10);
    expect(new Set(CLR_FAULT_TABLE.map((e) => e.fault))).toEqual(new Set(names));
  });
});

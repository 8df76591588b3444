/**
 * The OAuth scenarios against the reference stack: clean they pass without a single problem; with each
 * fault switched on, the expected check of the expected scenario fails (MUST) or warns (SHOULD) citing the
 * expected requirement, and nothing else goes wrong.
 */
import { describe, expect, it } from 'vitest';
import type { ResultOutcome } from '../../src/engine/events.js';
import { OAUTH_AFTER_API_SCENARIOS, OAUTH_SETUP_SCENARIOS } from '../../src/scenarios/oauth/index.js';
import { describeProblems, runScenarioIds, type SuiteRun } from '../support/run-suite.js';
import { startReferenceStack, type StackOptions } from '../support/stack.js';

const IDS = [...OAUTH_SETUP_SCENARIOS, ...OAUTH_AFTER_API_SCENARIOS].map((s) => s.id);

/** scenario / check / requirement / outcome */
type Expect = [string, string, string, ResultOutcome];

interface FaultCase {
  faults: StackOptions;
  /** The finding the fault must produce. */
  expect: Expect;
  /** Other findings the same fault legitimately causes. */
  also?: Expect[];
}

const FAULTS: Record<string, FaultCase> = {
  'registration-accepts-missing-metadata': {
    faults: { authFaults: ['registration-accepts-missing-metadata'] },
    expect: ['auth-server-registration-refusals', 'ensure-oauth-error', 'OBC21-REGISTRATION-REQUIRED-METADATA', 'fail'],
  },
  'registration-accepts-insecure-urls': {
    faults: { authFaults: ['registration-accepts-insecure-urls'] },
    expect: ['auth-server-registration-refusals', 'ensure-registration-refused-or-safe', 'OBC21-REGISTRATION-HTTPS', 'warning'],
  },
  'registration-accepts-other-auth-method': {
    faults: { authFaults: ['registration-accepts-other-auth-method'] },
    expect: ['auth-server-registration-refusals', 'ensure-registration-refused-or-safe', 'OBC21-REGISTRATION-AUTH-METHOD', 'warning'],
  },
  'registration-omits-no-store': {
    faults: { authFaults: ['registration-omits-no-store'] },
    expect: ['auth-server-registration', 'ensure-no-store', 'OBC21-REGISTRATION-RESPONSE', 'fail'],
    also: [['auth-server-registration', 'ensure-header', 'OBC21-REGISTRATION-RESPONSE', 'fail']],
  },
  'registration-omits-secret-expiry': {
    faults: { authFaults: ['registration-omits-secret-expiry'] },
    expect: ['auth-server-registration', 'ensure-schema-valid', 'RFC7591-3.2.1', 'fail'],
    also: [['auth-server-registration', 'ensure-registration-response', 'OBC21-REGISTRATION-RESPONSE', 'fail']],
  },
  'pkce-not-required': {
    faults: { authFaults: ['pkce-not-required'] },
    expect: ['auth-server-authorization-refusals', 'ensure-authorization-refused', 'OBC21-PKCE-S256', 'fail'],
    also: [['auth-server-authorization-refusals', 'ensure-error-redirect', 'RFC7636-4.4.1', 'warning']],
  },
  'pkce-plain-accepted': {
    faults: { authFaults: ['pkce-plain-accepted'] },
    expect: ['auth-server-authorization-refusals', 'ensure-authorization-refused', 'OBC21-PKCE-S256', 'fail'],
    also: [['auth-server-authorization-refusals', 'ensure-error-redirect', 'RFC7636-4.4.1', 'warning']],
  },
  'state-not-echoed': {
    faults: { authFaults: ['state-not-echoed'] },
    expect: ['auth-server-authorization-code', 'ensure-state-echoed', 'RFC6749-4.1.2', 'fail'],
  },
  'redirect-to-unregistered-uri': {
    faults: { authFaults: ['redirect-to-unregistered-uri'] },
    expect: ['auth-server-authorization-refusals', 'ensure-not-redirected-to', 'RFC6749-4.1.2.1', 'fail'],
    also: [['auth-server-authorization-refusals', 'ensure-error-page', 'OBC21-AUTHORIZE-REDIRECT-URI', 'warning']],
  },
  'code-reusable': {
    faults: { authFaults: ['code-reusable'] },
    expect: ['auth-server-token-refusals', 'ensure-oauth-error', 'RFC6749-4.1.2', 'fail'],
    also: [['auth-server-token-refusals', 'ensure-token-rejected', 'RFC6749-4.1.2-REVOKE', 'warning']],
  },
  'verifier-not-checked': {
    faults: { authFaults: ['verifier-not-checked'] },
    expect: ['auth-server-token-refusals', 'ensure-oauth-error', 'RFC7636-4.6', 'fail'],
  },
  'redirect-uri-not-checked': {
    faults: { authFaults: ['redirect-uri-not-checked'] },
    expect: ['auth-server-token-refusals', 'ensure-oauth-error', 'RFC6749-4.1.3', 'fail'],
  },
  'client-auth-not-checked': {
    faults: { authFaults: ['client-auth-not-checked'] },
    expect: ['auth-server-token-refusals', 'ensure-oauth-error', 'RFC6749-5.2', 'fail'],
    also: [['auth-server-revocation', 'ensure-oauth-error', 'RFC7009-2.1', 'fail']],
  },
  'token-omits-no-store': {
    faults: { authFaults: ['token-omits-no-store'] },
    expect: ['auth-server-authorization-code', 'ensure-no-store', 'RFC6749-5.1', 'fail'],
    also: [
      ['auth-server-authorization-code', 'ensure-header', 'RFC6749-5.1', 'fail'],
      ['auth-server-refresh', 'ensure-no-store', 'RFC6749-5.1', 'fail'],
    ],
  },
  'token-omits-expires-in': {
    faults: { authFaults: ['token-omits-expires-in'] },
    expect: ['auth-server-authorization-code', 'ensure-token-expires-in', 'RFC6749-5.1-EXPIRES-IN', 'warning'],
  },
  'refresh-not-rotated': {
    faults: { authFaults: ['refresh-not-rotated'] },
    expect: ['auth-server-refresh', 'ensure-refresh-rotated', 'RFC6749-10.4', 'warning'],
  },
  'refresh-scope-widening': {
    faults: { authFaults: ['refresh-scope-widening'] },
    expect: ['auth-server-refresh', 'ensure-scope-within', 'RFC6749-6', 'fail'],
  },
  'revocation-ignored': {
    faults: { authFaults: ['revocation-ignored'] },
    expect: ['auth-server-revocation', 'ensure-oauth-error', 'OBC21-REVOCATION-REFRESH', 'fail'],
    also: [['auth-server-revocation', 'ensure-token-rejected', 'OBC21-REVOCATION-ACCESS', 'warning']],
  },
  // Provider faults that the discovery and revocation scenarios observe.
  'provider manifest-missing-token-url': {
    faults: { providerFaults: ['manifest-missing-token-url'] },
    expect: ['provider-manifest-discovery', 'ensure-schema-valid', 'OBC21-MANIFEST-PROPERTIES', 'fail'],
  },
  'provider manifest-wrong-version': {
    faults: { providerFaults: ['manifest-wrong-version'] },
    expect: ['provider-manifest-discovery', 'ensure-manifest-entry', 'OBC21-MANIFEST-VERSION', 'fail'],
  },
  'provider manifest-bad-api-base': {
    faults: { providerFaults: ['manifest-bad-api-base'] },
    expect: ['provider-manifest-discovery', 'ensure-manifest-entry', 'OBC21-MANIFEST-API-BASE', 'fail'],
  },
  'provider revoked-token-accepted': {
    faults: { providerFaults: ['revoked-token-accepted'] },
    expect: ['auth-server-revocation', 'ensure-token-rejected', 'OBC21-REVOCATION-ACCESS', 'warning'],
    also: [['auth-server-token-refusals', 'ensure-token-rejected', 'RFC6749-4.1.2-REVOKE', 'warning']],
  },
};

async function runWith(options: StackOptions): Promise<SuiteRun> {
  const stack = await startReferenceStack(options);
  try {
    return await runScenarioIds(stack.manifestUrl, IDS);
  } finally {
    await stack.close();
  }
}

const matches = (e: Expect) => (c: SuiteRun['problems'][number]) =>
  c.scenarioId === e[0] && c.checkId === e[1] && c.requirementIds.includes(e[2]) && c.outcome === e[3];

describe('OAuth scenarios against the reference stack', () => {
  it('pass against the clean stack with no problems and leak no secret', async () => {
    const run = await runWith({});
    expect(run.problems, describeProblems(run)).toEqual([]);
    const ends = run.events.filter((e) => e.type === 'scenario-end');
    expect(ends.map((e) => [e.scenarioId, e.outcome])).toEqual(IDS.map((id) => [id, 'pass']));
    const recorded = JSON.stringify(run.events);
    expect(recorded).not.toContain('alice-demo-password');
    expect(recorded).not.toMatch(/\\"(access_token|refresh_token|client_secret|code_verifier)\\":\\"(?!\[redacted\])/);
  });

  describe.concurrent.each(Object.entries(FAULTS))('with fault %s', (_name, fc) => {
    it(`${fc.expect[0]} / ${fc.expect[1]} reports ${fc.expect[2]} (${fc.expect[3]})`, async () => {
      const run = await runWith(fc.faults);
      expect(run.problems.some(matches(fc.expect)), describeProblems(run)).toBe(true);
      const allowed = [fc.expect, ...(fc.also ?? [])];
      const unexpected = run.problems.filter((p) => !allowed.some((e) => matches(e)(p)));
      expect(unexpected, describeProblems(run)).toEqual([]);
    });
  });
});

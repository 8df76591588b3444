/**
 * Self-test, negative direction: the whole clr-provider plan against the reference stack with one fault
 * switched on (each CLR provider fault of docs/CONTRACTS.md, and the auth-server faults the plan can
 * observe). The expected check of the expected scenario fails (MUST rules read in a source) or warns (SHOULD
 * rules, and MUSTs we reconstructed: clr.md's [B]/[R] rows, at most a warning), and
 * the requirements cited by failing and warning checks are exactly the expected ones: a fault that also
 * breaks something else is listed as such, so any new side effect shows up here.
 */
import { describe, expect, it } from 'vitest';
import type { RunConfig } from '../../src/engine/config.js';
import type { ResultOutcome } from '../../src/engine/events.js';
import { PLANS } from '../../src/plans/index.js';
import { REQUIREMENTS } from '../../src/requirements/index.js';
import { SCENARIOS } from '../../src/scenarios/index.js';
import { describeProblems, runPlanIds } from '../support/run-suite.js';
import { startReferenceStack, type StackOptions } from '../support/stack.js';
import { clrFaultNames, waitForClrApi } from './support.js';

interface Expectation {
  /** The fault's name (auth-server faults as `auth:<name>`), or what the row switches. */
  name: string;
  stack: StackOptions;
  config?: Partial<RunConfig>;
  /** The finding that shows the fault. */
  scenario: string;
  check: string;
  outcome: Extract<ResultOutcome, 'fail' | 'warning'>;
  requirement: string;
  /** Every requirement a failing check cites; default: `requirement` for a fail row, none for a warning row. */
  fails?: string[];
  /** Every requirement a warning cites; default: `requirement` for a warning row, none for a fail row. */
  warns?: string[];
}

type Finding = Omit<Expectation, 'name' | 'stack'>;
const provider = (fault: string, e: Finding): Expectation => ({ name: fault, stack: { providerFaults: [fault] }, ...e });
const auth = (fault: string, e: Finding): Expectation => ({ name: `auth:${fault}`, stack: { authFaults: [fault] }, ...e });
const fail = (scenario: string, check: string, requirement: string, more: Partial<Finding> = {}): Finding => ({ scenario, check, outcome: 'fail', requirement, ...more });
const warn = (scenario: string, check: string, requirement: string, more: Partial<Finding> = {}): Finding => ({ scenario, check, outcome: 'warning', requirement, ...more });

export const CLR_FAULT_TABLE: Expectation[] = [
  provider('clr-discovery-missing-token-url', fail('clr-provider-discovery', 'ensure-schema-valid', 'CLR10-DISCOVERY-DOCUMENT')),
  provider('clr-error-not-status-info', fail('clr-provider-auth-refusals', 'ensure-status-info', 'CLR10-STATUS-INFO')),
  // Which codeMinor fits which status is reconstructed (clr.md §2.3 [R]): a wrong one is a warning.
  provider('clr-wrong-code-minor', warn('clr-provider-auth-refusals', 'ensure-code-minor', 'CLR10-CODE-MINOR', { warns: ['CLR10-CODE-MINOR', 'CLR10-CODE-MINOR-EXACT'] })),
  // imsx_codeMinor is optional in the official status schema: leaving it out is a warning, never a failure.
  provider('clr-code-minor-omitted', warn('clr-provider-auth-refusals', 'ensure-code-minor-present', 'CLR10-CODE-MINOR-PRESENT')),
  // Without a token the refused post and delete act as the first demo user, so they store and delete: the
  // stored/deleted checks also cite the (reconstructed) scope rules, so they warn.
  provider('clr-no-auth-required', fail('clr-provider-auth-refusals', 'ensure-status', 'CLR10-AUTH-REQUIRED', { warns: ['CLR10-AUTH-REQUIRED', 'CLR10-SCOPE-REPLACE', 'CLR10-SCOPE-DELETE'] })),
  // Which scope each operation needs is reconstructed (clr.md §2: scope mapping [R]): warnings only.
  provider('clr-scope-not-enforced', warn('clr-provider-auth-refusals', 'ensure-status', 'CLR10-SCOPE-READONLY', {
    warns: ['CLR10-SCOPE-READONLY', 'CLR10-SCOPE-REPLACE', 'CLR10-SCOPE-DELETE', 'CLR10-AUTH-REQUIRED'],
  })),
  // CLR 1.0 paging is read in OB 2.1 only (clr.md §2.2 [R] for getClrs): warnings.
  provider('clr-paging-no-link-header', warn('clr-provider-get-clrs-paging', 'ensure-link-header', 'CLR10-PAGING-LINK')),
  provider('clr-paging-duplicates', warn('clr-provider-get-clrs-paging', 'ensure-no-duplicate-assertions', 'CLR10-PAGING-OFFSET')),
  provider('clr-since-ignored', warn('clr-provider-get-clrs-since', 'ensure-since-respected', 'CLR10-SINCE')),
  // Only the listed copy loses its learner: the ClrSet, the hosted comparison and getClr see it too.
  provider('clr-invalid-in-list', fail('clr-provider-get-clrs', 'ensure-clr-schema', 'CLR10-CLR-SCHEMA', {
    fails: ['CLR10-CLR-SCHEMA', 'CLR10-CLRSET', 'CLR10-HOSTED-VERIFY'],
    warns: ['CLR10-GET-CLR'],
  })),
  provider('clr-bad-signature', fail('clr-provider-verify-clrs', 'ensure-verification-step', 'CLR10-SIGNED-VERIFY')),
  provider('clr-key-wrong-owner', fail('clr-provider-verify-clrs', 'ensure-verification-step', 'CLR10-SIGNED-VERIFY')),
  // postClr, getClr and deleteClr paths and meanings are reconstructed (clr.md §2.2 [R]): their faults warn.
  provider('clr-get-deleted-returns-200', warn('clr-provider-post-clr-round-trip', 'ensure-status', 'CLR10-DELETE-CLR')),
  provider('clr-delete-ignored', warn('clr-provider-post-clr-round-trip', 'ensure-status', 'CLR10-DELETE-CLR')),
  // Nothing stored, so the replacement is a second creation (201) and the identical post is no 304.
  provider('clr-post-not-stored', warn('clr-provider-post-clr-round-trip', 'ensure-status', 'CLR10-POST-CLR', {
    warns: ['CLR10-POST-CLR', 'CLR10-POST-CLR-REPLACE', 'CLR10-POST-CLR-UNCHANGED'],
  })),
  // The unchecked path also stores the posted Clr without the payload's @context, so getClr serves an invalid one.
  provider('clr-post-accepts-invalid', fail('clr-provider-post-clr-invalid', 'ensure-status', 'CLR10-POST-CLR-INVALID', {
    fails: ['CLR10-POST-CLR-INVALID', 'CLR10-CLR-SCHEMA', 'CLR10-JSON-LD'],
  })),
  provider('clr-post-replace-returns-201', warn('clr-provider-post-clr-replace', 'ensure-status', 'CLR10-POST-CLR-REPLACE')),
  // getClr amends every record, so posted CLRs no longer come back as sent either.
  provider('clr-hosted-mismatch', fail('clr-provider-verify-clrs', 'ensure-verification-step', 'CLR10-HOSTED-VERIFY', {
    warns: ['CLR10-GET-CLR', 'CLR10-POST-CLR', 'CLR10-POST-CLR-REPLACE', 'CLR10-POST-SIGNED-CLR'],
  })),
  // The discovery path and the getClrs path come from the reference implementation (clr.md §2.1 [B]): warnings.
  provider('clr-discovery-not-json', warn('clr-provider-discovery', 'ensure-json-body', 'CLR10-DISCOVERY')),
  provider('clr-discovery-missing-scope', warn('clr-provider-discovery', 'ensure-discovery-entry', 'CLR10-DISCOVERY-SCOPES')),
  provider('clr-list-not-json', warn('clr-provider-get-clrs', 'ensure-json-body', 'CLR10-GET-CLRS')),
  provider('clr-query-params-unchecked', warn('clr-provider-get-clrs-since', 'ensure-status', 'CLR10-QUERY-PARAMS')),
  provider('clr-paging-wrong-total-count', warn('clr-provider-get-clrs-paging', 'ensure-total-count', 'CLR10-PAGING-TOTAL-COUNT-ACCURATE')),
  provider('clr-invalid-jsonld', fail('clr-provider-get-clrs', 'ensure-jsonld-valid', 'CLR10-JSON-LD')),
  provider('clr-id-not-getclr-url', fail('clr-provider-get-clr', 'ensure-clr-id', 'CLR10-CLR-ID')),
  // Embedded steps cite the CLR rule and the OB 2.0 rule of their method: a CLR's embedded objects are OB 2.0 objects too.
  provider('clr-embedded-assertion-tampered', fail('clr-provider-verify-clrs', 'ensure-verification-step', 'CLR10-EMBEDDED-VERIFY', {
    fails: ['CLR10-EMBEDDED-VERIFY', 'OB20-SignedBadge'],
  })),
  provider('clr-embedded-hosted-mismatch', fail('clr-provider-verify-clrs', 'ensure-verification-step', 'CLR10-EMBEDDED-VERIFY', {
    fails: ['CLR10-EMBEDDED-VERIFY', 'OB20-HostedBadge'],
  })),
  provider('clr-not-found-returns-200', fail('clr-provider-get-clr', 'ensure-status', 'CLR10-NOT-FOUND')),
  provider('clr-post-signed-refused', warn('clr-provider-post-signed-clr', 'ensure-status', 'CLR10-POST-SIGNED-CLR')),

  // Auth-server faults the CLR plan observes (the others concern refusals only the OAuth scenarios probe).
  auth('registration-omits-no-store', fail('clr-provider-registration', 'ensure-no-store', 'CLR10-REGISTRATION')),
  auth('registration-omits-secret-expiry', fail('clr-provider-registration', 'ensure-schema-valid', 'RFC7591-3.2.1', { fails: ['RFC7591-3.2.1', 'CLR10-REGISTRATION'] })),
  auth('state-not-echoed', fail('clr-provider-authorization-code', 'ensure-state-echoed', 'CLR10-AUTHORIZE', { fails: ['CLR10-AUTHORIZE', 'RFC6749-4.1.2'] })),
  auth('token-omits-no-store', fail('clr-provider-authorization-code', 'ensure-no-store', 'CLR10-TOKEN', { fails: ['CLR10-TOKEN', 'CLR10-REFRESH', 'RFC6749-5.1'] })),
  auth('token-omits-expires-in', warn('clr-provider-authorization-code', 'ensure-token-expires-in', 'RFC6749-5.1-EXPIRES-IN')),
  auth('pkce-not-required', fail('clr-provider-authorization-refusals', 'ensure-authorization-refused', 'CLR10-PKCE-S256', { warns: ['RFC7636-4.4.1'] })),
  auth('pkce-plain-accepted', fail('clr-provider-authorization-refusals', 'ensure-authorization-refused', 'CLR10-PKCE-S256', { warns: ['RFC7636-4.4.1'] })),
  auth('redirect-to-unregistered-uri', fail('clr-provider-authorization-refusals', 'ensure-not-redirected-to', 'RFC6749-4.1.2.1', { warns: ['CLR10-AUTHORIZE-REDIRECT-URI'] })),
  auth('verifier-not-checked', fail('clr-provider-token-refusals', 'ensure-oauth-error', 'CLR10-PKCE-S256', { fails: ['CLR10-PKCE-S256', 'RFC7636-4.6'] })),
  auth('redirect-uri-not-checked', fail('clr-provider-token-refusals', 'ensure-oauth-error', 'RFC6749-4.1.3')),
  auth('client-auth-not-checked', fail('clr-provider-token-refusals', 'ensure-oauth-error', 'RFC6749-5.2')),
  auth('code-reusable', fail('clr-provider-token-refusals', 'ensure-oauth-error', 'RFC6749-4.1.2', { warns: ['RFC6749-4.1.2-REVOKE'] })),
  auth('refresh-scope-widening', fail('clr-provider-refresh', 'ensure-scope-within', 'CLR10-REFRESH')),

  // TLS cannot be switched off on a loopback stack; refusing loopback http shows the check fails on plain http.
  { name: 'plain http on loopback not accepted', stack: {}, config: { plainHttpLoopback: false }, ...fail('clr-provider-discovery', 'ensure-https-url', 'CLR10-TLS') },
];

const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();

describe.concurrent('CLR provider faults are caught', () => {
  it.each(CLR_FAULT_TABLE)('$name → $scenario/$check [$outcome] $requirement', async (e) => {
    const stack = await startReferenceStack(e.stack);
    try {
      const discovery = await waitForClrApi(stack.providerOrigin);
      const run = await runPlanIds(discovery, ['clr-provider'], e.config ?? {});
      const summary = describeProblems(run);
      const found = run.checks.filter((c) => c.scenarioId === e.scenario && c.checkId === e.check && c.requirementIds.includes(e.requirement));
      expect(found.map((c) => c.outcome), summary).toContain(e.outcome);
      const fails = e.fails ?? (e.outcome === 'fail' ? [e.requirement] : []);
      const warns = e.warns ?? (e.outcome === 'warning' ? [e.requirement] : []);
      const cited = (outcome: ResultOutcome) => sorted(run.problems.filter((p) => p.outcome === outcome).flatMap((p) => p.requirementIds));
      expect(cited('fail'), summary).toEqual(sorted(fails));
      expect(cited('warning'), summary).toEqual(sorted(warns));
      expect(run.problems.filter((p) => p.outcome !== 'fail' && p.outcome !== 'warning'), summary).toEqual([]);
      expect(run.end.exitCode, summary).toBe(fails.length > 0 ? 1 : 0);
    } finally {
      await stack.close();
    }
  }, 90_000);
});

/** MUSTs the plan cites that no row fails, with the reason. */
const NO_FAULT: Record<string, string> = {
  'RFC7636-4.4.1': 'judged leniently (warning): an error page is accepted beside the invalid_request redirect; the pkce-* rows show the warning',
  'RFC6749-3.2': 'judged as a warning (token parameters in the query string), and no reference fault accepts them',
};

describe('CLR fault table', () => {
  it('covers every CLR provider fault named in docs/CONTRACTS.md', async () => {
    const names = await clrFaultNames();
    expect(names.length).toBeGreaterThan(10);
    expect(new Set(CLR_FAULT_TABLE.flatMap((e) => e.stack.providerFaults ?? []))).toEqual(new Set(names));
  });

  const plan = PLANS.get('clr-provider')!;
  const cited = plan.scenarios.flatMap((id) => SCENARIOS.get(id)?.requirements ?? []);
  const rebuilt = (id: string) => REQUIREMENTS.get(id)?.provenance === 'reconstruction';
  const failing = new Set(CLR_FAULT_TABLE.flatMap((e) => e.fails ?? (e.outcome === 'fail' ? [e.requirement] : [])));
  const warning = new Set(CLR_FAULT_TABLE.flatMap((e) => e.warns ?? (e.outcome === 'warning' ? [e.requirement] : [])));

  it('makes every MUST the plan cites fail under some row (a reconstructed one warn)', () => {
    const musts = sorted(cited.filter((id) => REQUIREMENTS.get(id)?.level === 'MUST'));
    const stated = musts.filter((id) => !rebuilt(id));
    expect(stated.filter((id) => !failing.has(id) && !(id in NO_FAULT)), 'MUSTs no row fails').toEqual([]);
    // CLR10-CODE-MINOR is being made a warning on the provider-scenarios branch; until then it may still fail.
    expect(musts.filter((id) => rebuilt(id) && !warning.has(id) && !(id in NO_FAULT) && id !== 'CLR10-CODE-MINOR'), 'reconstructed MUSTs no row warns on').toEqual([]);
    expect([...failing].filter((id) => rebuilt(id) && id !== 'CLR10-CODE-MINOR'), 'reconstructed rules that fail a plan').toEqual([]);
    expect(Object.keys(NO_FAULT).filter((id) => failing.has(id) || !musts.includes(id)), 'stale NO_FAULT entries').toEqual([]);
  });
});

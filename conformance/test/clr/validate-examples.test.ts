/**
 * Every official example document and validator-core fixture in the shared spec-data folder (read at test time, never copied) gets
 * the verdict the specification intends from `conformance validate`, or its divergence is listed here
 * with the reason. Offline: documents an example refers to live under example.org and are never fetched,
 * so hosted and key checks are skips, never passes.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/engine/errors.js';
import { notPassed, runValidate } from './support.js';

const SPEC_DATA = fileURLToPath(new URL('../../../../shared/spec-data/', import.meta.url));
const OB20 = `${SPEC_DATA}ob/v2p0/examples/`;
const OB21 = `${SPEC_DATA}ob/v2p1/examples/`;

type Expected =
  | { verdict: 'pass' | 'fail' | 'inconclusive'; kind: string; reason: string; failing?: string[]; at?: string }
  | { verdict: 'not-a-document-kind'; reason: string };

const NOT_A_KIND = (what: string): Extract<Expected, { verdict: 'not-a-document-kind' }> => ({ verdict: 'not-a-document-kind', reason: `${what}: not one of the kinds validate checks (clr, clr-set, assertion, manifest, clr-discovery)` });

/** Keyed by file name. `failing`: the codes/check ids of the expected failures (a divergence names its reason). */
const EXAMPLES: Record<string, Expected> = {
  'ob20-examples-01-Assertion-Example.json': {
    verdict: 'inconclusive', kind: 'assertion', at: '2017-01-01T00:00:00Z',
    reason: 'valid hosted assertion, judged at a date inside its validity (it expires 2017-06-30, see the next case); offline its hosted copy is not fetched, so it has not passed (exit 3)',
  },
  'ob20-spec-01-Introduction.json': {
    verdict: 'fail', kind: 'assertion', failing: ['ensure-schema-valid', 'schema.invalid'],
    reason: 'divergence, schemas/ERRATA.md E11: the introduction example omits recipient.hashed, which the OB 2.0 class table requires',
  },
  'ob20-examples-06-Signed-Badges-Example.json': {
    verdict: 'inconclusive', kind: 'assertion',
    reason: 'the payload of a signed badge, shown as JSON: schema and JSON-LD pass; its signature cannot be checked without the JWS, so it has not passed (exit 3)',
  },
  'ob-spec-v2p1-example-manifest.json': { verdict: 'pass', kind: 'manifest', reason: 'the Badge Connect manifest example (context URL per ERRATA.md E15)' },
  'ob20-examples-02-BadgeClass-Example.json': NOT_A_KIND('a BadgeClass'),
  'ob20-examples-03-Issuer-Profile-Example.json': NOT_A_KIND('an Issuer profile'),
  'ob20-examples-05-Signed-Badges-Example.json': NOT_A_KIND('a JWS header ({"alg": "RS256"}) shown on its own'),
  'ob20-examples-07-CryptographicKey-Example.json': NOT_A_KIND('a CryptographicKey'),
  'ob20-examples-08-RevocationList-Example.json': NOT_A_KIND('a RevocationList'),
  'ob20-examples-09-Revoked-Hosted-Assertion-Example.json': NOT_A_KIND('the stub a host serves for a revoked assertion (id, revoked, reason; no type)'),
  'ob20-examples-10-Criteria-Example.json': NOT_A_KIND('a fragment showing criteria'),
  'ob20-examples-11-Criteria-Example.json': NOT_A_KIND('a fragment showing criteria'),
  'ob20-examples-12-Criteria-Example.json': NOT_A_KIND('a fragment showing criteria'),
  'ob20-examples-13-Evidence-Example.json': NOT_A_KIND('a fragment showing evidence'),
  'ob20-examples-14-Evidence-Example.json': NOT_A_KIND('a fragment showing evidence'),
  'ob20-examples-17-Image-Example.json': NOT_A_KIND('a fragment showing an image'),
  'ob20-examples-18-Image-Example.json': NOT_A_KIND('a fragment showing an image'),
  'ob20-examples-19-BadgeClass-Versioning.json': NOT_A_KIND('a fragment showing BadgeClass versioning'),
  'ob20-examples-20-Internationalization-Examples.json': NOT_A_KIND('a fragment showing @language'),
  'ob20-examples-21-Internationalization-Examples.json': NOT_A_KIND('a fragment showing @language'),
  'ob20-examples-23-Endorsement-Examples.json': NOT_A_KIND('an Endorsement'),
  'ob20-examples-24-Endorsement-Examples.json': NOT_A_KIND('an Endorsement'),
  'ob20-examples-25-Endorsement-Examples.json': NOT_A_KIND('a revoked Endorsement stub'),
  'ob20-spec-03-Endorsement.json': NOT_A_KIND('an Endorsement'),
  'ob-spec-v2p1-example-error-400-response.json': NOT_A_KIND('a Badge Connect error envelope'),
  'ob-spec-v2p1-example-error-401-response.json': NOT_A_KIND('a Badge Connect error envelope'),
  'ob-spec-v2p1-example-error-404-response.json': NOT_A_KIND('a Badge Connect error envelope'),
  'ob-spec-v2p1-example-error-405-response.json': NOT_A_KIND('a Badge Connect error envelope'),
  'ob-spec-v2p1-example-getProfile-200-response.json': NOT_A_KIND('a Badge Connect profile response'),
  'ob-spec-v2p1-example-postProfile-200-response.json': NOT_A_KIND('a Badge Connect profile response'),
  'ob-spec-v2p1-example-postAssertion-200-response.json': NOT_A_KIND('a Badge Connect status envelope'),
  'ob-spec-v2p1-example-registration-request.json': NOT_A_KIND('an RFC 7591 registration request'),
  'ob-spec-v2p1-example-registration-response.json': NOT_A_KIND('an RFC 7591 registration response'),
};

const files = [...readdirSync(OB20).map((f) => [OB20, f] as const), ...readdirSync(OB21).map((f) => [OB21, f] as const)];

describe('official OB 2.0 / 2.1 examples through validate', () => {
  it('the table names every example file, and only those', () => {
    expect(files.map(([, f]) => f).sort()).toEqual(Object.keys(EXAMPLES).sort());
  });

  it.each(files)('%s%s', async (dir, file) => {
    const expected = EXAMPLES[file]!;
    if (expected.verdict === 'not-a-document-kind') {
      await expect(runValidate([`${dir}${file}`])).rejects.toSatisfy((e) => e instanceof UsageError && e.code === 'unknown-document');
      return;
    }
    const { code, checks, events } = await runValidate([`${dir}${file}`], expected.at ? { at: expected.at } : {});
    expect(events.find((e) => e.type === 'scenario-start')).toMatchObject({ scenarioId: `validate-1-${expected.kind}` });
    const failing = checks.filter((c) => c.outcome === 'fail');
    if (expected.verdict === 'pass' || expected.verdict === 'inconclusive') {
      expect(failing, notPassed(checks).join('\n')).toEqual([]);
      expect(code).toBe(expected.verdict === 'pass' ? 0 : 3);
      expect(checks.some((c) => c.blocked && c.severity === 'must')).toBe(expected.verdict === 'inconclusive');
    } else {
      expect(code).toBe(1);
      const names = failing.map((c) => (c.checkId === 'ensure-verification-step' ? c.title.split(': ').pop() : c.checkId));
      expect(new Set(names), notPassed(checks).join('\n')).toEqual(new Set(expected.failing));
    }
  });

  it('judges the assertion example at today\'s date as expired (validity.expired), not valid', async () => {
    const { code, checks } = await runValidate([`${OB20}ob20-examples-01-Assertion-Example.json`]);
    expect(code).toBe(1);
    expect(checks.filter((c) => c.outcome === 'fail').map((c) => c.message)).toEqual([expect.stringMatching(/^validity\.expired: expired on 2017-06-30/)]);
  });

  it('reports the hosted checks of an offline run as skips with a reason, never as passes', async () => {
    const { checks } = await runValidate([`${OB20}ob20-examples-01-Assertion-Example.json`], { at: '2017-01-01T00:00:00Z' });
    const hosted = checks.filter((c) => c.title.endsWith('hosted.fetch-failed'));
    expect(hosted.map((c) => c.outcome)).toEqual(['skip']);
    expect(hosted[0]!.message).toMatch(/network access is not allowed/);
  });
});

const CORE = `${SPEC_DATA}ob/v2p0/validator-core-fixtures/`;

type CoreExpected =
  | { verdict: 'pass' | 'inconclusive'; kind: string; reason: string }
  | { verdict: 'not-ob20'; version: '0.5' | '1.0' | '1.1'; reason: string; forced?: { failing: string[]; reason: string } }
  | { verdict: 'not-a-document-kind'; reason: string };

const OLDER = (version: '0.5' | '1.0' | '1.1', what: string, core: string, forced?: { failing: string[]; reason: string }): CoreExpected => ({
  verdict: 'not-ob20',
  version,
  reason: `divergence, by design: an Open Badges ${version} ${what}; openbadges-validator-core ${core}. validate judges OB 2.0 only (what Badge Connect carries) and has no upgrade step, so it names the version instead`,
  ...(forced ? { forced } : {}),
});

/**
 * The openbadges-validator-core fixtures (test_components.py): basic documents of each Open Badges
 * version. Keyed by file name. `forced`: the verdict with --type assertion, judging the document as OB 2.0.
 */
const VALIDATOR_CORE: Record<string, CoreExpected> = {
  '2_0_basic_assertion.json': {
    verdict: 'inconclusive', kind: 'assertion',
    reason: 'the 2.0 hosted assertion is valid; offline, its hosted copy is not fetched (example.org is never contacted), so it has not passed (exit 3)',
  },
  '0_5_assertion.json': OLDER('0.5', 'assertion (plain email recipient, embedded badge)', 'detects 0.5 by shape and upgrades it to 2.0 before validating', {
    failing: ['ensure-schema-valid', 'ensure-jsonld-valid', 'schema.invalid'],
    reason: 'as OB 2.0 it lacks @context, id, type, issuedOn and verification, and its recipient is a string',
  }),
  '0_5_1_assertion.json': OLDER('0.5', 'assertion (hashed recipient with salt)', 'detects 0.5 by shape and upgrades it to 2.0 before validating', {
    failing: ['ensure-schema-valid', 'ensure-jsonld-valid', 'schema.invalid'],
    reason: 'as OB 2.0 it lacks @context, id, type, issuedOn and verification, and its recipient is a string',
  }),
  '1_0_basic_assertion.json': OLDER('1.0', 'assertion (uid, verify)', 'detects 1.0 (no @context) and upgrades it to 2.0 before validating', {
    failing: ['ensure-schema-valid', 'ensure-jsonld-valid', 'schema.invalid', 'hosted.fetch-failed', 'hosted.origin-not-allowed'],
    reason: 'as OB 2.0 it lacks @context, id and type, issuedOn is a date without a time, and hosted verification has no http(s) id',
  }),
  '1_0_basic_assertion_with_extra_properties.json': OLDER('1.0', 'assertion with an undefined property ("snood")', 'upgrades it; its 1.0 to 2.0 conversion test expects a valid report', {
    failing: ['ensure-schema-valid', 'ensure-jsonld-valid', 'schema.invalid', 'hosted.fetch-failed', 'hosted.origin-not-allowed'],
    reason: 'as for 1_0_basic_assertion; the extra property is no failure of its own (unknown properties are allowed by the schema check)',
  }),
  '1_0_assertion_with_errors.json': OLDER('1.0', 'assertion whose recipient is a plain string', 'names it for its errors (a 1.0 recipient is an IdentityObject)', {
    failing: ['ensure-schema-valid', 'ensure-jsonld-valid', 'schema.invalid', 'hosted.fetch-failed', 'hosted.origin-not-allowed'],
    reason: 'invalid as OB 2.0 too: besides the 1.0 gaps, /recipient must be an object',
  }),
  '1_1_basic_assertion.json': OLDER('1.1', 'Assertion (@context https://w3id.org/openbadges/v1)', 'detects 1.1 by its context and upgrades it to 2.0 before validating', {
    failing: ['ensure-jsonld-valid'],
    reason: 'divergence, schemas/ERRATA.md "Example and fixture divergences": our OB 2.0 schema does not pin @context, so only the JSON-LD check, which refuses the unbundled v1 context, fails it',
  }),
  '1_1_basic_badgeclass.json': OLDER('1.1', 'BadgeClass', 'detects 1.1 by its context and upgrades it'),
  '1_1_basic_issuer.json': OLDER('1.1', 'Issuer', 'detects 1.1 by its context and upgrades it'),
  '1_0_basic_badgeclass.json': { verdict: 'not-a-document-kind', reason: 'an OB 1.0 BadgeClass: no @context or type, and not one of the kinds validate checks' },
  '1_0_basic_issuer.json': { verdict: 'not-a-document-kind', reason: 'an OB 1.0 Issuer: no @context or type, and not one of the kinds validate checks' },
  '2_0_basic_badgeclass.json': NOT_A_KIND('a BadgeClass'),
  '2_0_basic_issuer.json': NOT_A_KIND('an Issuer profile'),
  'openbadges_context.json': NOT_A_KIND('the OB 2.0 JSON-LD context document'),
  'openbadges_context_v1.json': NOT_A_KIND('the OB 1.1 JSON-LD context document'),
};

/** The check ids and verification codes that failed (one verification check per code). */
const failingNames = (checks: Awaited<ReturnType<typeof runValidate>>['checks']) =>
  new Set(checks.filter((c) => c.outcome === 'fail').map((c) => (c.checkId === 'ensure-verification-step' ? c.title.split(': ').pop() : c.checkId)));

describe('openbadges-validator-core fixtures through validate', () => {
  const coreFiles = readdirSync(CORE);

  it('the table names every fixture file, and only those', () => {
    expect(coreFiles.sort()).toEqual(Object.keys(VALIDATOR_CORE).sort());
  });

  it.each(coreFiles)('%s', async (file) => {
    const expected = VALIDATOR_CORE[file]!;
    const source = `${CORE}${file}`;
    if (expected.verdict === 'not-a-document-kind') {
      await expect(runValidate([source])).rejects.toSatisfy((e) => e instanceof UsageError && e.code === 'unknown-document');
      return;
    }
    if (expected.verdict === 'not-ob20') {
      // Named for what it is, in one line that says how to judge it as OB 2.0 anyway when it is an assertion.
      await expect(runValidate([source])).rejects.toSatisfy(
        (e) =>
          e instanceof UsageError &&
          e.code === 'not-ob20' &&
          e.message.startsWith(`${source} is an Open Badges ${expected.version} `) &&
          e.message.includes('not an Open Badges 2.0 document') &&
          !e.message.includes('\n') &&
          e.message.includes('--type assertion') === (expected.forced !== undefined),
      );
      if (expected.forced) {
        const forced = await runValidate([source], { type: 'assertion' });
        expect(forced.code).toBe(1);
        expect(failingNames(forced.checks), notPassed(forced.checks).join('\n')).toEqual(new Set(expected.forced.failing));
      }
      return;
    }
    const { code, checks, events } = await runValidate([source]);
    expect(events.find((e) => e.type === 'scenario-start')).toMatchObject({ scenarioId: `validate-1-${expected.kind}` });
    expect(checks.filter((c) => c.outcome === 'fail'), notPassed(checks).join('\n')).toEqual([]);
    expect(code).toBe(expected.verdict === 'pass' ? 0 : 3);
  });

  it('the OB 1.1 assertion forced as OB 2.0 fails on its context, which the message names', async () => {
    const { checks } = await runValidate([`${CORE}1_1_basic_assertion.json`], { type: 'assertion' });
    expect(checks.find((c) => c.outcome === 'fail')!.message).toContain('https://w3id.org/openbadges/v1');
  });
});

describe('official CLR 1.0 examples', () => {
  it('there are none in spec-data (clr.md §11 gap 6: only schemas and the context were published as files)', () => {
    const clr = `${SPEC_DATA}clr/v1p0/`;
    const found = existsSync(clr) ? readdirSync(clr, { recursive: true }).map(String).filter((f) => f.endsWith('.json') && !f.startsWith('schema')) : [];
    // An example file appearing here must get an entry above; until then the generated fixtures stand in.
    expect(found).toEqual([]);
  });
});

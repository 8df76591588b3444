/**
 * Every official example document and validator-core fixture in the shared spec-data folder (read at test time, never copied) gets
 * the verdict the specification intends from `conformance validate`, or its divergence is listed here
 * with the reason. Offline: documents an example refers to live under example.org and are never fetched,
 * so hosted and key checks are skips, never passes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { officialDataFor } from '../../../test/support/environment.js';
import { UsageError } from '../../src/engine/errors.js';
import { notPassed, runValidate } from './support.js';

const official = officialDataFor('The official example tests of validate', ['ob/v2p0/examples/', 'ob/v2p1/examples/', 'ob/v2p0/validator-core-fixtures/']);
const SPEC_DATA = official ? `${official.file('').replace(/\/?$/, '/')}` : '/official-files-missing/';
const OB20 = `${SPEC_DATA}ob/v2p0/examples/`;
const OB21 = `${SPEC_DATA}ob/v2p1/examples/`;

/**
 * `official`: the verdict the specification gives the file (its examples are valid OB documents; the
 * revoked stubs are void). `divergence`: where our verdict differs from that, the schemas/ERRATA.md entry
 * or section that explains why; it is set exactly when the verdicts differ (checked below).
 */
type Expected =
  | { verdict: 'pass' | 'fail' | 'inconclusive'; official: 'valid' | 'invalid'; kind: string; reason: string; failing?: string[]; at?: string; divergence?: string }
  | { verdict: 'not-a-document-kind'; official: 'not-a-document'; reason: string };

const NOT_A_KIND = (what: string): Extract<Expected, { verdict: 'not-a-document-kind' }> => ({
  verdict: 'not-a-document-kind',
  official: 'not-a-document',
  reason: `${what}: not a whole document of a kind validate checks`,
});

/** Keyed by file name. `failing`: the codes/check ids of the expected failures. */
const EXAMPLES: Record<string, Expected> = {
  'ob20-examples-01-Assertion-Example.json': {
    verdict: 'inconclusive', official: 'valid', kind: 'assertion', at: '2017-01-01T00:00:00Z',
    reason: 'valid hosted assertion, judged at a date inside its validity (it expires 2017-06-30, see the next case); offline its hosted copy is not fetched, so it has not passed (exit 3)',
  },
  'ob20-spec-01-Introduction.json': {
    verdict: 'fail', official: 'valid', kind: 'assertion', failing: ['ensure-schema-valid', 'schema.invalid'], divergence: 'E11',
    reason: 'the introduction example omits recipient.hashed, which the OB 2.0 class table requires',
  },
  'ob20-examples-06-Signed-Badges-Example.json': {
    verdict: 'inconclusive', official: 'valid', kind: 'assertion',
    reason: 'the payload of a signed badge, shown as JSON: schema and JSON-LD pass; its signature cannot be checked without the JWS, so it has not passed (exit 3)',
  },
  'ob-spec-v2p1-example-manifest.json': { verdict: 'pass', official: 'valid', kind: 'manifest', reason: 'the Badge Connect manifest example (context URL per ERRATA.md E15)' },
  'ob20-examples-02-BadgeClass-Example.json': {
    verdict: 'inconclusive', official: 'valid', kind: 'badgeclass', reason: 'a BadgeClass with alignments and tags; offline its issuer profile is not fetched, so it has not passed (exit 3)',
  },
  'ob20-examples-03-Issuer-Profile-Example.json': {
    verdict: 'inconclusive', official: 'valid', kind: 'issuer', reason: 'an Issuer profile naming a key and a revocation list; offline those are not loaded, so it has not passed (exit 3)',
  },
  'ob20-examples-07-CryptographicKey-Example.json': {
    verdict: 'fail', official: 'valid', kind: 'cryptographic-key', failing: ['key.unusable'], divergence: 'Example and fixture divergences',
    reason: 'the example elides the middle of its PEM ("MIIBG0BA...OClDQAB"), so the key cannot be read as an RSA key',
  },
  'ob20-examples-08-RevocationList-Example.json': {
    verdict: 'inconclusive', official: 'valid', kind: 'revocation-list', reason: 'a RevocationList with an IRI, an id object and a uid object; offline its issuer is not fetched, so it has not passed (exit 3)',
  },
  'ob20-examples-23-Endorsement-Examples.json': { verdict: 'inconclusive', official: 'valid', kind: 'endorsement', reason: 'a hosted Endorsement of a BadgeClass; offline its hosted copy is not fetched, so it has not passed (exit 3)' },
  'ob20-examples-24-Endorsement-Examples.json': { verdict: 'inconclusive', official: 'valid', kind: 'endorsement', reason: 'a hosted Endorsement of an Assertion, its claim carrying evidence; offline its hosted copy is not fetched (exit 3)' },
  'ob20-spec-03-Endorsement.json': { verdict: 'inconclusive', official: 'valid', kind: 'endorsement', reason: 'a hosted Endorsement of an issuer, its claim carrying the endorsed email; offline its hosted copy is not fetched (exit 3)' },
  'ob20-examples-25-Endorsement-Examples.json': {
    verdict: 'fail', official: 'invalid', kind: 'endorsement', failing: ['ensure-not-revoked'],
    reason: 'the stub a host serves for a revoked Endorsement: void, named by its revocation reason (no schema failure for the missing claim)',
  },
  'ob20-examples-05-Signed-Badges-Example.json': NOT_A_KIND('a JWS header ({"alg": "RS256"}) shown on its own'),
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

const ERRATA = readFileSync(fileURLToPath(new URL('../../../schemas/ERRATA.md', import.meta.url)), 'utf8');
/** An ERRATA.md row (`| E11 |`, `| X3 |`) or section heading. */
const inErrata = (ref: string) => ERRATA.includes(`| ${ref} |`) || ERRATA.includes(`## ${ref}`);

const files = official ? [...readdirSync(OB20).map((f) => [OB20, f] as const), ...readdirSync(OB21).map((f) => [OB21, f] as const)] : [];

describe.runIf(official)('official OB 2.0 / 2.1 examples through validate', () => {
  it('the table names every example file, and only those', () => {
    expect(files.map(([, f]) => f).sort()).toEqual(Object.keys(EXAMPLES).sort());
  });

  it('lists a divergence, explained in ERRATA.md, exactly where our verdict differs from the official one', () => {
    const diverging = Object.entries(EXAMPLES).filter(([, e]) => e.verdict !== 'not-a-document-kind' && (e.verdict !== 'fail') !== (e.official === 'valid'));
    const listed = Object.entries(EXAMPLES).filter(([, e]) => 'divergence' in e && e.divergence);
    expect(listed.map(([f]) => f).sort()).toEqual(diverging.map(([f]) => f).sort());
    expect(listed.map(([f, e]) => `${f} ${(e as { divergence: string }).divergence}`)).toEqual([
      'ob20-spec-01-Introduction.json E11',
      'ob20-examples-07-CryptographicKey-Example.json Example and fixture divergences',
    ]);
    for (const [, e] of listed) expect(inErrata((e as { divergence: string }).divergence)).toBe(true);
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

/** What openbadges-validator-core reports for the fixture (after upgrading an older version to 2.0). */
type CoreOfficial = 'valid' | 'invalid' | 'not-a-badge-object';

type CoreExpected = { official: CoreOfficial; divergence?: string } & (
  | { verdict: 'pass' | 'inconclusive'; kind: string; reason: string }
  | { verdict: 'not-ob20'; version: '0.5' | '1.0' | '1.1'; reason: string; forced?: { failing: string[]; reason: string } }
  | { verdict: 'not-a-document-kind'; reason: string }
);

/** Older versions: validator-core upgrades them; validate names the version and refuses them (a divergence by design). */
const OLDER = (version: '0.5' | '1.0' | '1.1', official: CoreOfficial, what: string, core: string, forced?: { failing: string[]; reason: string }): CoreExpected => ({
  verdict: 'not-ob20',
  official,
  divergence: 'Example and fixture divergences',
  version,
  reason: `an Open Badges ${version} ${what}; openbadges-validator-core ${core}. validate judges OB 2.0 only (what Badge Connect carries) and has no upgrade step, so it names the version instead`,
  ...(forced ? { forced } : {}),
});

/**
 * The openbadges-validator-core fixtures (test_components.py): basic documents of each Open Badges
 * version. Keyed by file name. `forced`: the verdict with --type assertion, judging the document as OB 2.0.
 */
const VALIDATOR_CORE: Record<string, CoreExpected> = {
  '2_0_basic_assertion.json': {
    verdict: 'inconclusive', official: 'valid', kind: 'assertion',
    reason: 'the 2.0 hosted assertion is valid; offline, its hosted copy is not fetched (example.org is never contacted), so it has not passed (exit 3)',
  },
  '2_0_basic_badgeclass.json': { verdict: 'inconclusive', official: 'valid', kind: 'badgeclass', reason: 'the 2.0 BadgeClass is valid; offline its issuer profile is not fetched, so it has not passed (exit 3)' },
  '2_0_basic_issuer.json': { verdict: 'pass', official: 'valid', kind: 'issuer', reason: 'the 2.0 Issuer is valid; it names no key or list, so there is nothing more to load' },
  '0_5_assertion.json': OLDER('0.5', 'valid', 'assertion (plain email recipient, embedded badge)', 'detects 0.5 by shape and upgrades it to 2.0 before validating', {
    failing: ['ensure-schema-valid', 'ensure-jsonld-valid', 'schema.invalid'],
    reason: 'as OB 2.0 it lacks @context, id, type, issuedOn and verification, and its recipient is a string',
  }),
  '0_5_1_assertion.json': OLDER('0.5', 'valid', 'assertion (hashed recipient with salt)', 'detects 0.5 by shape and upgrades it to 2.0 before validating', {
    failing: ['ensure-schema-valid', 'ensure-jsonld-valid', 'schema.invalid'],
    reason: 'as OB 2.0 it lacks @context, id, type, issuedOn and verification, and its recipient is a string',
  }),
  '1_0_basic_assertion.json': OLDER('1.0', 'valid', 'assertion (uid, verify)', 'detects 1.0 (no @context) and upgrades it to 2.0 before validating', {
    failing: ['ensure-schema-valid', 'ensure-jsonld-valid', 'schema.invalid', 'hosted.fetch-failed', 'hosted.origin-not-allowed'],
    reason: 'as OB 2.0 it lacks @context, id and type, issuedOn is a date without a time, and hosted verification has no http(s) id',
  }),
  '1_0_basic_assertion_with_extra_properties.json': OLDER('1.0', 'valid', 'assertion with an undefined property ("snood")', 'upgrades it; its 1.0 to 2.0 conversion test expects a valid report', {
    failing: ['ensure-schema-valid', 'ensure-jsonld-valid', 'schema.invalid', 'hosted.fetch-failed', 'hosted.origin-not-allowed'],
    reason: 'as for 1_0_basic_assertion; the extra property is no failure of its own (unknown properties are allowed by the schema check)',
  }),
  '1_0_assertion_with_errors.json': OLDER('1.0', 'invalid', 'assertion whose recipient is a plain string', 'names it for its errors (a 1.0 recipient is an IdentityObject)', {
    failing: ['ensure-schema-valid', 'ensure-jsonld-valid', 'schema.invalid', 'hosted.fetch-failed', 'hosted.origin-not-allowed'],
    reason: 'invalid as OB 2.0 too: besides the 1.0 gaps, /recipient must be an object',
  }),
  '1_0_basic_badgeclass.json': OLDER('1.0', 'valid', 'BadgeClass (no @context or type; criteria and issuer)', 'detects 1.0 and upgrades it'),
  '1_0_basic_issuer.json': OLDER('1.0', 'valid', 'Issuer (no @context or type; name and url)', 'detects 1.0 and upgrades it'),
  '1_1_basic_assertion.json': OLDER('1.1', 'valid', 'Assertion (@context https://w3id.org/openbadges/v1)', 'detects 1.1 by its context and upgrades it to 2.0 before validating', {
    failing: ['ensure-jsonld-valid'],
    reason: 'our OB 2.0 schema does not pin @context, so only the JSON-LD check, which refuses the unbundled v1 context, fails it',
  }),
  '1_1_basic_badgeclass.json': OLDER('1.1', 'valid', 'BadgeClass', 'detects 1.1 by its context and upgrades it'),
  '1_1_basic_issuer.json': OLDER('1.1', 'valid', 'Issuer', 'detects 1.1 by its context and upgrades it'),
  'openbadges_context.json': { verdict: 'not-a-document-kind', official: 'not-a-badge-object', reason: 'the OB 2.0 JSON-LD context document, a fixture the validator loads, not a badge object' },
  'openbadges_context_v1.json': { verdict: 'not-a-document-kind', official: 'not-a-badge-object', reason: 'the OB 1.1 JSON-LD context document' },
};

/** Our verdict in the validator's terms: an older version refused by name is no verdict of validity. */
/** Inconclusive is not a contradiction: nothing failed, the offline run could not finish the proof or hosted checks. */
const OURS_AS_OFFICIAL: Record<CoreExpected['verdict'], CoreOfficial | 'refused'> = { pass: 'valid', inconclusive: 'valid', 'not-ob20': 'refused', 'not-a-document-kind': 'not-a-badge-object' };

/** The check ids and verification codes that failed (one verification check per code). */
const failingNames = (checks: Awaited<ReturnType<typeof runValidate>>['checks']) =>
  new Set(checks.filter((c) => c.outcome === 'fail').map((c) => (c.checkId === 'ensure-verification-step' ? c.title.split(': ').pop() : c.checkId)));

describe.runIf(official)('openbadges-validator-core fixtures through validate', () => {
  const coreFiles = official ? readdirSync(CORE) : [];

  it('the table names every fixture file, and only those', () => {
    expect(coreFiles.sort()).toEqual(Object.keys(VALIDATOR_CORE).sort());
  });

  it('lists a divergence, explained in ERRATA.md, exactly where our verdict differs from validator-core\'s', () => {
    const entries = Object.entries(VALIDATOR_CORE);
    const diverging = entries.filter(([, e]) => OURS_AS_OFFICIAL[e.verdict] !== e.official).map(([f]) => f);
    expect(entries.filter(([, e]) => e.divergence).map(([f]) => f).sort()).toEqual(diverging.sort());
    // Today: every pre-2.0 fixture, and nothing else.
    expect(diverging.sort()).toEqual(coreFiles.filter((f) => /^[01]_/.test(f)).sort());
    for (const [, e] of entries) if (e.divergence) expect(inErrata(e.divergence), e.divergence).toBe(true);
  });

  it.each(coreFiles)('%s', async (file) => {
    const expected = VALIDATOR_CORE[file]!;
    const source = `${CORE}${file}`;
    if (expected.verdict === 'not-a-document-kind') {
      await expect(runValidate([source])).rejects.toSatisfy((e) => e instanceof UsageError && e.code === 'unknown-document');
      return;
    }
    if (expected.verdict === 'not-ob20') {
      const legacy = expected;
      // Named for what it is, in one line that says how to judge it as OB 2.0 anyway when it is an assertion.
      await expect(runValidate([source])).rejects.toSatisfy(
        (e) =>
          e instanceof UsageError &&
          e.code === 'not-ob20' &&
          e.message.startsWith(`${source} is an Open Badges ${legacy.version} `) &&
          e.message.includes('not an Open Badges 2.0 document') &&
          !e.message.includes('\n') &&
          e.message.includes('--type assertion') === (legacy.forced !== undefined),
      );
      if (legacy.forced) {
        const forced = await runValidate([source], { type: 'assertion' });
        expect(forced.code).toBe(1);
        expect(failingNames(forced.checks), notPassed(forced.checks).join('\n')).toEqual(new Set(legacy.forced.failing));
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

describe.runIf(official)('official CLR 1.0 examples', () => {
  it('there are none in spec-data (clr.md §11 gap 6: only schemas and the context were published as files)', () => {
    const clr = `${SPEC_DATA}clr/v1p0/`;
    const found = existsSync(clr) ? readdirSync(clr, { recursive: true }).map(String).filter((f) => f.endsWith('.json') && !f.startsWith('schema')) : [];
    // An example file appearing here must get an entry above; until then the generated fixtures stand in.
    expect(found).toEqual([]);
  });
});

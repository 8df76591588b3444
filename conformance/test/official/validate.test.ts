// `conformance validate --official-schemas [dir]`: official verdicts beside ours from a cache synced from the
// stand-in publisher; a missing or damaged cache is a usage error (one line, exit 2), as a user meets it.
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { SchemaIds } from '../../../schemas/src/ids.js';
import { CLR_VALID } from '../../../schemas/test/clr-fixtures.js';
import { UsageError } from '../../src/engine/errors.js';
import type { RunEvent } from '../../src/engine/events.js';
import { OFFICIAL_FILES } from '../../src/official/manifest.js';
import { INDEX_FILE } from '../../src/official/sync.js';
import { syncOfficialSchemas } from '../../src/official/sync.js';
import { buildClr } from '../../src/scenarios/clr/support/fixture-clr.js';
import { runValidate } from '../clr/support.js';
import { startPublisher, type Publisher, SCHEMA_FOLDERS } from './publisher.js';
import { officialDataFor } from '../../../test/support/environment.js';

const spec = officialDataFor('The validate --official-schemas tests', [...SCHEMA_FOLDERS, 'ob/v2p1/examples/ob-spec-v2p1-example-manifest.json', 'ob/v2p0/validator-core-fixtures/2_0_basic_assertion.json']);

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = path.join(ROOT, 'conformance/src/cli.ts');
const MANIFEST = spec?.file('ob/v2p1/examples/ob-spec-v2p1-example-manifest.json') ?? '';
const OB20_ASSERTION = spec?.file('ob/v2p0/validator-core-fixtures/2_0_basic_assertion.json') ?? '';

let publisher: Publisher;
let tmp: string;
let cache: string;
let clrFile: string;
let discoveryFile: string;

beforeAll(async () => {
  if (!spec) return;
  publisher = await startPublisher(spec);
  tmp = mkdtempSync(path.join(os.tmpdir(), 'official-validate-'));
  cache = path.join(tmp, 'cache');
  await syncOfficialSchemas({ source: publisher.base, cacheDir: cache });
  clrFile = path.join(tmp, 'clr.json');
  writeFileSync(clrFile, JSON.stringify(buildClr('learner@example.org')));
  discoveryFile = path.join(tmp, 'discovery.json');
  writeFileSync(discoveryFile, JSON.stringify(CLR_VALID[SchemaIds.clr.discovery]!()));
});
afterAll(async () => {
  await publisher?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const cli = (args: string[], cwd = ROOT) => runCli(args, { cwd });

const readEvents = (out: string) => readFileSync(path.join(out, 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as RunEvent);

describe.runIf(spec)('validate --official-schemas <dir>', () => {
  it('records the official verdict after each schema check that has an official file, as information', async () => {
    const { code, checks, events } = await runValidate([clrFile, discoveryFile, MANIFEST, OB20_ASSERTION], { officialSchemas: cache });
    // Offline, the hosted copies and keys are not fetched: inconclusive (3), not a failure.
    expect(code).toBe(3);
    expect(events[0]).toMatchObject({ type: 'run-start', options: { officialSchemas: true } });
    const official = checks.filter((c) => c.checkId === 'official-schema-verdict');
    expect(official.map((c) => [c.scenarioId, c.severity, c.outcome, c.evidence?.officialFile])).toEqual([
      ['validate-1-clr', 'may', 'pass', 'clrv1p0-getclr-200-responsepayload-schemav2p0.json'],
      ['validate-2-clr-discovery', 'may', 'pass', 'clrv1p0-getdiscoverydocument-200-responsepayload-schemav2p0.json'],
      // The spec's manifest example carries @context, which the official file forbids: ours accepts it (E2).
      ['validate-3-manifest', 'may', 'info', 'imsob_v2p1v2p1-getmanifest-200-responsepayload-schemav1p0.json'],
    ]);
    expect(official[2]!.message).toMatch(/^official imsob_v2p1v2p1-getmanifest-200-responsepayload-schemav1p0\.json rejects it, ours accepts it \(explained by schemas\/ERRATA\.md E2 manifest-context/);
    // Each follows our schema check of the same document and serves the same requirements.
    for (const o of official) {
      const ours = checks[checks.indexOf(o) - 1]!;
      expect(['ensure-clr-schema', 'ensure-schema-valid']).toContain(ours.checkId);
      expect(o.requirementIds).toEqual(ours.requirementIds);
    }
    // No official file covers an OB 2.0 assertion: nothing is recorded for it.
    expect(checks.some((c) => c.scenarioId === 'validate-4-assertion' && c.checkId === 'official-schema-verdict')).toBe(false);
  });

  it('leaves the exit code to our verdicts: a document both reject still fails, with the agreement recorded', async () => {
    const broken = path.join(tmp, 'broken-clr.json');
    writeFileSync(broken, JSON.stringify({ ...buildClr('learner@example.org'), issuedOn: 'yesterday' }));
    const { code, checks } = await runValidate([broken], { officialSchemas: cache, schemaOnly: true });
    expect(code).toBe(1);
    expect(checks.map((c) => `${c.checkId} ${c.outcome}`)).toEqual(['ensure-parsed-document pass', 'ensure-clr-schema fail', 'official-schema-verdict pass']);
    expect(checks[2]).toMatchObject({ evidence: { ours: 'rejects', official: 'rejects' } });
  });

  it('records nothing extra without the option', async () => {
    const { checks } = await runValidate([clrFile], { schemaOnly: true });
    expect(checks.map((c) => c.checkId)).toEqual(['ensure-parsed-document', 'ensure-clr-schema']);
  });

  it('refuses a cache never synced, or a damaged one, as a usage error', async () => {
    const missing = path.join(tmp, 'nothing-here');
    await expect(runValidate([clrFile], { officialSchemas: missing })).rejects.toSatisfy(
      (e) => e instanceof UsageError && e.code === 'official-schemas-cache' && e.message === `no official schema cache at ${missing} (run: conformance schemas sync)`,
    );
    const damaged = path.join(tmp, 'damaged');
    cpSync(cache, damaged, { recursive: true });
    appendFileSync(path.join(damaged, OFFICIAL_FILES[0]!.path), '\n');
    await expect(runValidate([clrFile], { officialSchemas: damaged })).rejects.toSatisfy((e) => e instanceof UsageError && /does not match its recorded digest/.test(e.message));
  });
});

describe.runIf(spec)('conformance validate --official-schemas (child process)', () => {
  const damage: [string, (dir: string) => void, string][] = [
    ['a cache never synced', () => undefined, 'no official schema cache at'],
    ['an altered file', (dir) => appendFileSync(path.join(dir, OFFICIAL_FILES[10]!.path), ' '), 'does not match its recorded digest'],
    ['a missing file', (dir) => rmSync(path.join(dir, OFFICIAL_FILES[3]!.path)), `lacks ${OFFICIAL_FILES[3]!.path}`],
    ['an index that is not JSON', (dir) => writeFileSync(path.join(dir, INDEX_FILE), '{'), 'is not JSON'],
  ];

  it.each(damage)('%s: one line on stderr naming the problem, exit 2', async (name, spoil, message) => {
    const dir = path.join(tmp, `cli-${name.replace(/\W+/g, '-')}`);
    if (name !== 'a cache never synced') {
      cpSync(cache, dir, { recursive: true });
      spoil(dir);
    }
    const r = await cli(['validate', clrFile, '--official-schemas', dir, '--out', path.join(tmp, 'out-damaged'), '--reporter', 'json']);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^conformance: /);
    expect(lines[0]).toContain(message);
    expect(lines[0]).toContain('(run: conformance schemas sync)');
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  }, 60_000);

  it('without a dir uses .cache/official-schemas under the working directory, as run does', async () => {
    const cwd = path.join(tmp, 'work');
    mkdirSync(cwd);
    const out = path.join(tmp, 'out-default');
    const none = await cli(['validate', clrFile, '--official-schemas', '--out', out, '--reporter', 'json'], cwd);
    expect(none.code).toBe(2);
    expect(none.stderr.trim()).toBe('conformance: no official schema cache at .cache/official-schemas (run: conformance schemas sync)');
    cpSync(cache, path.join(cwd, '.cache/official-schemas'), { recursive: true });
    const r = await cli(['validate', clrFile, '--official-schemas', '--out', out, '--reporter', 'json'], cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^official schemas: 24 files from \.cache\/official-schemas \(synced /m);
    const official = readEvents(out).filter((e) => e.type === 'check' && e.checkId === 'official-schema-verdict');
    expect(official).toHaveLength(1);
    expect(official[0]).toMatchObject({ outcome: 'pass', evidence: { officialFile: 'clrv1p0-getclr-200-responsepayload-schemav2p0.json' } });
  }, 60_000);
});

// The real clr-provider plan against the reference stack with `--official-schemas` (a cache synced from the
// stand-in publisher): official verdicts follow our CLR record, ClrSet, payload and error-body checks, and a
// disagreement is information, never a failure.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SchemaIds } from '../../../schemas/src/ids.js';
import type { CheckEvent } from '../../src/engine/events.js';
import { createOfficialSchemaHook } from '../../src/official/hook.js';
import { syncOfficialSchemas } from '../../src/official/sync.js';
import { OfficialValidator } from '../../src/official/validator.js';
import { waitForClrApi } from '../clr/support.js';
import { describeProblems, runPlanIds, type SuiteRun } from '../support/run-suite.js';
import { startReferenceStack, type ReferenceStack } from '../support/stack.js';
import { startPublisher, type Publisher, SCHEMA_FOLDERS } from './publisher.js';
import { officialDataFor } from '../../../test/support/environment.js';

const official = officialDataFor('The clr-provider --official-schemas tests', SCHEMA_FOLDERS);

let publisher: Publisher;
let stack: ReferenceStack;
let tmp: string;
let run: SuiteRun;

beforeAll(async () => {
  if (!official) return;
  publisher = await startPublisher(official);
  tmp = mkdtempSync(path.join(os.tmpdir(), 'official-clr-plan-'));
  const cache = path.join(tmp, 'cache');
  await syncOfficialSchemas({ source: publisher.base, cacheDir: cache });
  stack = await startReferenceStack();
  const discovery = await waitForClrApi(stack.providerOrigin);
  run = await runPlanIds(discovery, ['clr-provider'], { officialSchemas: createOfficialSchemaHook(OfficialValidator.load(cache)) });
}, 120_000);
afterAll(async () => {
  await stack?.close();
  await publisher?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const OFFICIAL = 'official-schema-verdict';
const FILES: Record<string, string> = {
  [SchemaIds.clr.clr]: 'clrv1p0-getclr-200-responsepayload-schemav2p0.json',
  [SchemaIds.clr.clrSet]: 'clrv1p0-getclrs-200-responsepayload-schemav2p0.json',
  [SchemaIds.clr.clrPayload]: 'clrv1p0-postclr-requestpayload-schemav2p0.json',
  [SchemaIds.clr.statusInfo]: 'clrv1p0-getclr-400-401-403-404-410-421-responsepayload-schemav2p0.json',
  [SchemaIds.clr.discovery]: 'clrv1p0-getdiscoverydocument-200-responsepayload-schemav2p0.json',
};

/** Our schema checks that name a schema with an official file, each with the event recorded right after it. */
function schemaChecks(): { ours: CheckEvent; next: CheckEvent | undefined }[] {
  return run.checks.flatMap((c, i) => {
    const id = c.evidence?.schemaId;
    return c.checkId !== OFFICIAL && typeof id === 'string' && id in FILES ? [{ ours: c, next: run.checks[i + 1] }] : [];
  });
}

describe.runIf(official)('clr-provider with --official-schemas', () => {
  it('still passes: official verdicts never fail, warn or error', () => {
    expect(run.end.exitCode, describeProblems(run)).toBe(0);
    expect(run.checks.filter((c) => ['fail', 'warning', 'error'].includes(c.outcome)), describeProblems(run)).toEqual([]);
    const ends = run.events.filter((e) => e.type === 'scenario-end');
    expect(ends.filter((e) => e.outcome !== 'pass')).toEqual([]);
  });

  it('records an official verdict after every CLR record, ClrSet, payload, error-body and discovery check', () => {
    const found = schemaChecks();
    const byCheck = (checkId: string, schemaId: string) => found.filter((p) => p.ours.checkId === checkId && p.ours.evidence?.schemaId === schemaId);
    expect(byCheck('ensure-clr-schema', SchemaIds.clr.clr).length).toBeGreaterThan(5);
    expect(byCheck('ensure-clr-schema', SchemaIds.clr.clrSet).length).toBeGreaterThan(0);
    expect(byCheck('ensure-clr-schema', SchemaIds.clr.clrPayload).length).toBeGreaterThan(0);
    expect(byCheck('ensure-status-info', SchemaIds.clr.statusInfo).length).toBeGreaterThan(5);
    expect(byCheck('ensure-schema-valid', SchemaIds.clr.discovery)).toHaveLength(1);
    for (const { ours, next } of found) {
      const where = `${ours.scenarioId} ${ours.title}`;
      expect(next?.checkId, where).toBe(OFFICIAL);
      expect(next, where).toMatchObject({
        scenarioId: ours.scenarioId,
        severity: 'may',
        requirementIds: ours.requirementIds,
        evidence: { schemaId: ours.evidence!.schemaId, officialFile: FILES[ours.evidence!.schemaId as string], ours: 'accepts' },
      });
      expect(next!.httpIds, where).toEqual(ours.httpIds);
    }
    // Every official verdict follows one of those checks.
    expect(run.checks.filter((c) => c.checkId === OFFICIAL)).toHaveLength(found.length);
  });

  it('the official error files accept the reference error bodies (they were validated as bodies, not exchanges)', () => {
    const errors = schemaChecks().filter((p) => p.ours.checkId === 'ensure-status-info');
    expect(errors.map((p) => p.next!.outcome)).toEqual(errors.map(() => 'pass'));
  });

  it('reports a disagreement as information naming both verdicts: the Candidate Final postClr file on the Final payload', () => {
    const info = run.checks.filter((c) => c.checkId === OFFICIAL && c.outcome === 'info');
    expect(info.length, 'the reference payload is expected to meet one official/ours disagreement').toBeGreaterThan(0);
    const payload = info.find((c) => c.evidence?.schemaId === SchemaIds.clr.clrPayload);
    expect(payload).toMatchObject({ scenarioId: 'clr-provider-post-clr-round-trip', evidence: { official: 'rejects', ours: 'accepts' } });
    // The Final Clr carries its own @context, which the Candidate Final payload file does not allow: E17.
    expect(payload!.message).toMatch(/^official clrv1p0-postclr-requestpayload-schemav2p0\.json rejects it, ours accepts it \(explained by schemas\/ERRATA\.md E17 clr-both-bindings\)/);
    const end = run.events.find((e) => e.type === 'scenario-end' && e.scenarioId === 'clr-provider-post-clr-round-trip');
    expect(end).toMatchObject({ outcome: 'pass' });
  });
});

// The run-time hook: the engine records the official verdict beside our schema check, only when a cache
// is configured, and the run option degrades to a notice without a cache.
import { mkdtempSync, rmSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SchemaIds } from '../../../schemas/src/ids.js';
import { CLR_VALID, finalClr, neutralClr } from '../../../schemas/test/clr-fixtures.js';
import { ensureClrSchema } from '../../src/checks/clr/ensure-clr-schema.js';
import { ensureStatusInfo } from '../../src/checks/clr/ensure-status-info.js';
import { ensureSchemaValid } from '../../src/checks/schema/ensure-schema-valid.js';
import { officialSchemasHook } from '../../src/cli/schemas-command.js';
import type { RunConfig } from '../../src/engine/config.js';
import { PlanState, ScenarioContext } from '../../src/engine/context.js';
import { UsageError } from '../../src/engine/errors.js';
import type { CheckEvent, RunEvent } from '../../src/engine/events.js';
import type { HttpClient } from '../../src/engine/http.js';
import { Redactor } from '../../src/engine/redact.js';
import { createOfficialSchemaHook, type OfficialSchemaHook } from '../../src/official/hook.js';
import { OFFICIAL_FILES } from '../../src/official/manifest.js';
import { syncOfficialSchemas } from '../../src/official/sync.js';
import { OfficialValidator } from '../../src/official/validator.js';
import { exchange } from '../api/exchange.js';
import { startPublisher, type Publisher, SCHEMA_FOLDERS } from './publisher.js';
import { officialDataFor } from '../../../test/support/environment.js';

const official = officialDataFor('The official-schema hook tests', SCHEMA_FOLDERS);

let publisher: Publisher;
let tmp: string;
let cache: string;
let hook: OfficialSchemaHook;

beforeAll(async () => {
  if (!official) return;
  publisher = await startPublisher(official);
  tmp = mkdtempSync(path.join(os.tmpdir(), 'official-hook-'));
  cache = path.join(tmp, 'cache');
  await syncOfficialSchemas({ source: publisher.base, cacheDir: cache });
  hook = createOfficialSchemaHook(OfficialValidator.load(cache));
});
afterAll(async () => {
  await publisher?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const { clr } = SchemaIds;
const payload = (record: Record<string, unknown>) => {
  const { '@context': context, ...rest } = record;
  return { '@context': context, clr: rest };
};

describe.runIf(official)('createOfficialSchemaHook', () => {
  it('passes when both verdicts agree', () => {
    const r = hook.compare(clr.discovery, CLR_VALID[clr.discovery]!(), true)!;
    expect(r).toMatchObject({ outcome: 'pass', evidence: { ours: 'accepts', official: 'accepts', officialFile: 'clrv1p0-getdiscoverydocument-200-responsepayload-schemav2p0.json' } });
  });

  it('informs, naming the errata, when a documented difference separates them', () => {
    const final = finalClr();
    const r = hook.compare(clr.clrPayload, { ...payload(final), '@context': 'https://purl.imsglobal.org/spec/clr/v1p0/context/clr_v1p0.jsonld' }, true)!;
    expect(r.outcome).toBe('info');
    expect(r.evidence.errata).toEqual(expect.arrayContaining(['E17', 'E24']));
    expect(r.message).toMatch(/^official clrv1p0-postclr-requestpayload-schemav2p0\.json rejects it, ours accepts it \(explained by schemas\/ERRATA\.md E17 clr-both-bindings/);
  });

  it('says so when no erratum explains a difference', () => {
    const r = hook.compare(clr.clr, { ...neutralClr(), revoked: 'no' }, true)!;
    expect(r).toMatchObject({ outcome: 'info', evidence: { errata: [] } });
    expect(r.message).toContain('no erratum explains it; official: /revoked');
  });

  it('has nothing to say about payloads without an official file', () => {
    expect(hook.compare(SchemaIds.oauth.tokenResponse, {}, true)).toBeUndefined();
  });
});

function context(officialSchemas?: OfficialSchemaHook) {
  const events: RunEvent[] = [];
  const config = { runId: 'test', ...(officialSchemas ? { officialSchemas } : {}) } as unknown as RunConfig;
  const ctx = new ScenarioContext('plan', 'scenario', config, {} as HttpClient, new PlanState(), new Redactor(), (e) => events.push(e));
  return { ctx, checks: () => events.filter((e): e is CheckEvent => e.type === 'check') };
}

describe.runIf(official)('engine hook', () => {
  it('records an informational official verdict after each schema check when configured', async () => {
    const { ctx, checks } = context(hook);
    await ctx.mustContinue(ensureSchemaValid(clr.clr, 'CLR'), neutralClr(), ['CLR10-TEST']);
    await ctx.mustContinue(ensureSchemaValid(clr.clr, 'CLR'), { ...neutralClr(), issuedOn: 'yesterday' }, ['CLR10-TEST']);
    expect(checks().map((c) => `${c.checkId} ${c.severity} ${c.outcome}`)).toEqual([
      'ensure-schema-valid must pass',
      'official-schema-verdict may pass',
      'ensure-schema-valid must fail',
      'official-schema-verdict may pass',
    ]);
    expect(checks()[1]).toMatchObject({ requirementIds: ['CLR10-TEST'], evidence: { official: 'accepts', ours: 'accepts' } });
    expect(checks()[3]).toMatchObject({ evidence: { official: 'rejects', ours: 'rejects' } });
  });

  it('covers the CLR checks: ensure-clr-schema on its document, ensure-status-info on the exchange body', async () => {
    const { ctx, checks } = context(hook);
    await ctx.mustContinue(ensureClrSchema(clr.clr, 'Clr'), neutralClr(), ['CLR10-TEST']);
    const error = { imsx_codeMajor: 'failure', imsx_severity: 'error', imsx_codeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'TargetEndSystem', imsx_codeMinorFieldValue: 'forbidden' }] } };
    await ctx.mustContinue(ensureStatusInfo, exchange({ status: 403, body: error }), ['CLR10-TEST']);
    // codeMajor "success" on an error fails our check, but the body is still imsx_StatusInfo: both schemas accept it.
    await ctx.mustContinue(ensureStatusInfo, exchange({ status: 403, body: { ...error, imsx_codeMajor: 'success' } }), ['CLR10-TEST']);
    await ctx.mustContinue(ensureStatusInfo, exchange({ status: 403, body: { imsx_codeMajor: 'failure' } }), ['CLR10-TEST']);
    expect(checks().map((c) => `${c.checkId} ${c.outcome} ${String(c.evidence?.ours ?? '')}/${String(c.evidence?.official ?? '')}`)).toEqual([
      'ensure-clr-schema pass /',
      'official-schema-verdict pass accepts/accepts',
      'ensure-status-info pass /',
      'official-schema-verdict pass accepts/accepts',
      'ensure-status-info fail /',
      'official-schema-verdict pass accepts/accepts',
      'ensure-status-info fail /',
      'official-schema-verdict pass rejects/rejects',
    ]);
    expect(checks()[3]).toMatchObject({ httpIds: ['x1'], evidence: { officialFile: 'clrv1p0-getclr-400-401-403-404-410-421-responsepayload-schemav2p0.json' } });
  });

  it('records nothing after a check that reached no document', async () => {
    const { ctx, checks } = context(hook);
    await ctx.mustContinue(ensureStatusInfo, exchange({ status: 500, text: '<h1>oops</h1>', headers: { 'content-type': 'text/html' } }), ['CLR10-TEST']);
    expect(checks().map((c) => c.checkId)).toEqual(['ensure-status-info']);
  });

  it('records nothing extra without a cache, or for other checks', async () => {
    const plain = context();
    await plain.ctx.mustContinue(ensureSchemaValid(clr.clr, 'CLR'), neutralClr(), ['CLR10-TEST']);
    expect(plain.checks().map((c) => c.checkId)).toEqual(['ensure-schema-valid']);
    const hooked = context(hook);
    await hooked.ctx.may({ id: 'other', title: 'other', run: () => ({ outcome: 'pass', message: 'ok', evidence: { schemaId: clr.clr } }) }, neutralClr(), ['CLR10-TEST']);
    expect(hooked.checks().map((c) => c.checkId)).toEqual(['other']);
  });
});

describe.runIf(official)('run --official-schemas', () => {
  it('continues with a notice when no cache was synced', () => {
    const lines: string[] = [];
    expect(officialSchemasHook(path.join(tmp, 'nothing-here'), (l) => lines.push(l))).toBeUndefined();
    expect(lines).toEqual([`official schemas: no cache at ${path.join(tmp, 'nothing-here')}, continuing without official verdicts (run: conformance schemas sync)`]);
    expect(officialSchemasHook(undefined, (l) => lines.push(l))).toBeUndefined();
    expect(lines).toHaveLength(1);
  });

  it('loads a synced cache and refuses a damaged one as a usage error', async () => {
    const lines: string[] = [];
    expect(officialSchemasHook(cache, (l) => lines.push(l))).toBeDefined();
    expect(lines[0]).toMatch(/^official schemas: 24 files from /);
    const damaged = path.join(tmp, 'damaged');
    await syncOfficialSchemas({ source: publisher.base, cacheDir: damaged });
    appendFileSync(path.join(damaged, OFFICIAL_FILES[0]!.path), '\n');
    expect(() => officialSchemasHook(damaged, () => undefined)).toThrow(UsageError);
  });
});

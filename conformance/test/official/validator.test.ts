// OfficialValidator over a cache synced from the stand-in publisher: verdicts per payload kind, the OB
// syntax erratum tolerated, and a damaged or missing cache refused.
import { mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SchemaIds } from '../../../schemas/src/ids.js';
import { candidateFinalClr, CLR_VALID, finalClr, neutralClr } from '../../../schemas/test/clr-fixtures.js';
import { VALID } from '../../../schemas/test/fixtures.js';
import { officialVerdict } from '../../src/official/hook.js';
import { OFFICIAL_FILES } from '../../src/official/manifest.js';
import { syncOfficialSchemas } from '../../src/official/sync.js';
import { OfficialCacheError, OfficialValidator } from '../../src/official/validator.js';
import { startPublisher, type Publisher, SCHEMA_FOLDERS } from './publisher.js';
import { officialDataFor } from '../../../test/support/environment.js';

const official = officialDataFor('The official validator tests', SCHEMA_FOLDERS);

let publisher: Publisher;
let tmp: string;
let cache: string;
let validator: OfficialValidator;

beforeAll(async () => {
  if (!official) return;
  publisher = await startPublisher(official);
  tmp = mkdtempSync(path.join(os.tmpdir(), 'official-validator-'));
  cache = path.join(tmp, 'cache');
  await syncOfficialSchemas({ source: publisher.base, cacheDir: cache });
  validator = OfficialValidator.load(cache);
});
afterAll(async () => {
  await publisher?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const { clr, obc } = SchemaIds;

describe.runIf(official)('OfficialValidator', () => {
  it('accepts our valid CLR payloads that both bindings share', () => {
    for (const kind of ['clr.clr', 'clr.clrSet', 'clr.clrPayload', 'clr.discovery', 'clr.statusInfo', 'clr.cryptographicKey', 'clr.revocationList'] as const) {
      const id = SchemaIds.clr[kind.slice(4) as keyof typeof SchemaIds.clr];
      const v = validator.verdict(kind, CLR_VALID[id]!());
      expect(v?.errors, kind).toEqual([]);
      expect(v?.valid).toBe(true);
    }
  });

  it('rejects what the official file rejects, and names the file and URL', () => {
    const { issuedOn: _drop, ...noIssuedOn } = neutralClr();
    const v = validator.verdict('clr.clr', noIssuedOn)!;
    expect(v).toMatchObject({ kind: 'clr.clr', valid: false, file: 'clrv1p0-getclr-200-responsepayload-schemav2p0.json' });
    expect(v.url).toBe(`${publisher.base}spec/clr/v1p0/schema/json/clrv1p0-getclr-200-responsepayload-schemav2p0.json`);
    expect(v.errors).toContainEqual(expect.objectContaining({ keyword: 'required', params: { missingProperty: 'issuedOn' } }));
  });

  it('keeps the bindings apart as the official files do: Final getClr, Candidate Final postClr', () => {
    expect(validator.verdict(clr.clr, finalClr())?.valid).toBe(false); // key by IRI (E24) only
    expect(validator.verdict(clr.clr, candidateFinalClr())?.valid).toBe(false); // AssessmentResult is not Final
    const { '@context': _c, ...record } = candidateFinalClr();
    expect(validator.verdict(clr.clrPayload, { '@context': 'https://purl.imsglobal.org/spec/clr/v1p0/context/clr_v1p0.jsonld', clr: record })?.valid).toBe(true);
    const v = validator.verdict('clr.clrPayload', CLR_VALID[clr.clrPayload]!())!;
    expect(v.notes.join(' ')).toContain('Candidate Final');
  });

  it('reads the Badge Connect getAssertions file despite its trailing comma (E1)', () => {
    const v = validator.verdict(obc.getAssertions200, { status: { statusCode: 200, statusText: 'OK' }, signedAssertions: ['eyJhbGciOiJSUzI1NiJ9.e30.c2ln'] })!;
    expect(v.errors).toEqual([]);
    expect(v.valid).toBe(true);
    expect(v.notes[0]).toMatch(/^E1/);
    expect(validator.verdict('obc.getAssertions200', { status: { statusCode: '200' } })?.valid).toBe(false);
  });

  it('answers the Badge Connect manifest and error envelope', () => {
    expect(validator.verdict('obc.errorResponse', { status: { statusCode: 404, statusText: 'NOT_FOUND' } })?.valid).toBe(true);
    expect(validator.verdict(obc.manifest, VALID[obc.manifest]!())?.valid).toBe(false); // @context (E2)
  });

  it('has no verdict for payloads without an official file', () => {
    expect(validator.verdict(SchemaIds.oauth.tokenResponse, {})).toBeUndefined();
    expect(validator.verdict(SchemaIds.ob20.assertion, {})).toBeUndefined();
    expect(validator.verdict(clr.result, {})).toBeUndefined();
  });

  it('officialVerdict(kind, doc) reads a cache folder', () => {
    expect(officialVerdict('clr.statusInfo', { imsx_codeMajor: 'failure', imsx_severity: 'fatal' }, { cacheDir: cache })?.valid).toBe(false);
    expect(officialVerdict(clr.statusInfo, CLR_VALID[clr.statusInfo]!(), { validator })?.valid).toBe(true);
  });

  it('refuses a missing cache and a cache file that no longer matches its digest', () => {
    expect(OfficialValidator.exists(path.join(tmp, 'none'))).toBe(false);
    expect(() => OfficialValidator.load(path.join(tmp, 'none'))).toThrow(OfficialCacheError);
    const damaged = path.join(tmp, 'damaged');
    rmSync(damaged, { recursive: true, force: true });
    return syncOfficialSchemas({ source: publisher.base, cacheDir: damaged }).then(() => {
      appendFileSync(path.join(damaged, OFFICIAL_FILES[3]!.path), ' ');
      expect(() => OfficialValidator.load(damaged)).toThrow(/does not match its recorded digest/);
      writeFileSync(path.join(damaged, 'index.json'), 'not json');
      expect(() => OfficialValidator.load(damaged)).toThrow(/is not JSON/);
    });
  });
});

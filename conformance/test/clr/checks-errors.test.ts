/** imsx_StatusInfo checks: a valid error body, and named mutations of it that each break one rule. */
import { readFileSync } from 'node:fs';
import AjvDraft04Module from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { codeMinorsFor, codeMinorValues, ensureCodeMinor, ensureCodeMinorPresent } from '../../src/checks/clr/ensure-code-minor.js';
import { ensureStatusInfo } from '../../src/checks/clr/ensure-status-info.js';
import type { Verdict } from '../../src/engine/verdict.js';
import { exchange, mutate } from '../api/exchange.js';
import { officialDataFor } from '../../../test/support/environment.js';

const statusInfo = (codeMinor: string) => ({
  imsx_codeMajor: 'failure',
  imsx_severity: 'error',
  imsx_description: 'The access token lacks the scope',
  imsx_codeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'TargetEndSystem', imsx_codeMinorFieldValue: codeMinor }] },
});
const forbidden = statusInfo('forbidden');
const run = (v: Verdict | Promise<Verdict>) => v as Verdict;

describe('ensure-status-info', () => {
  it('passes a 403 imsx_StatusInfo failure/error body', () => {
    expect(run(ensureStatusInfo.run(exchange({ status: 403, body: forbidden })))).toMatchObject({ outcome: 'pass' });
  });
  it('passes without the optional description and codeMinor', () => {
    expect(run(ensureStatusInfo.run(exchange({ status: 404, body: { imsx_codeMajor: 'failure', imsx_severity: 'error' } })))).toMatchObject({ outcome: 'pass' });
  });

  const mutations: [string, unknown, RegExp][] = [
    ['codeMajor success', mutate(forbidden, (b) => void (b.imsx_codeMajor = 'success')), /"imsx_codeMajor" is "success"/],
    ['severity warning', mutate(forbidden, (b) => void (b.imsx_severity = 'warning')), /"imsx_severity" is "warning"/],
    ['codeMajor missing', mutate(forbidden, (b) => void delete (b as Partial<typeof b>).imsx_codeMajor), /not imsx_StatusInfo/],
    ['codeMinor value outside the CLR 1.0 list', statusInfo('not_found'), /not imsx_StatusInfo/],
    ['Badge Connect envelope instead', { status: { statusCode: 403, statusText: 'PERMISSION_DENIED' } }, /not imsx_StatusInfo/],
    ['body is an array', [forbidden], /not a JSON object/],
  ];
  it.each(mutations)('fails: %s', (_name, body, message) => {
    const v = run(ensureStatusInfo.run(exchange({ status: 403, body })));
    expect(v.outcome).toBe('fail');
    expect(v.message).toMatch(message);
  });
  it('fails an HTML error page and a transport failure', () => {
    expect(run(ensureStatusInfo.run(exchange({ status: 500, text: '<h1>oops</h1>', headers: { 'content-type': 'text/html' } }))).outcome).toBe('fail');
    expect(run(ensureStatusInfo.run(exchange({ status: 0 }))).outcome).toBe('fail');
  });
});

describe('ensure-code-minor', () => {
  it('knows which values fit which status', () => {
    expect(codeMinorsFor(401)).toEqual(['unauthorizedrequest']);
    expect(codeMinorsFor(403)).toContain('forbidden');
    expect(codeMinorsFor(400)).toEqual(['invalid_data', 'invalid_query_parameter']);
    expect(codeMinorsFor(502)).toContain('internal_server_error');
    expect(codeMinorsFor(302)).toBeUndefined();
    expect(codeMinorValues({ imsx_codeMinor: { imsx_codeMinorField: { imsx_codeMinorFieldValue: 'forbidden' } } })).toEqual(['forbidden']);
  });

  it.each([
    [401, 'unauthorizedrequest'],
    [403, 'forbidden'],
    [403, 'unauthorizedrequest'],
    [400, 'invalid_query_parameter'],
    [410, 'invalid_data'],
    [500, 'internal_server_error'],
  ])('passes HTTP %i with %s', (status, minor) => {
    expect(run(ensureCodeMinor().run(exchange({ status, body: statusInfo(minor) })))).toMatchObject({ outcome: 'pass' });
  });

  it.each([
    [401, 'invalid_data'],
    [403, 'invalid_data'],
    [400, 'forbidden'],
    [404, 'forbidden'],
    [500, 'invalid_data'],
  ])('fails HTTP %i with %s (the wrong-code-minor fault)', (status, minor) => {
    const v = run(ensureCodeMinor().run(exchange({ status, body: statusInfo(minor) })));
    expect(v.outcome).toBe('fail');
    expect(v.message).toContain(minor);
  });

  it('has nothing to judge without codeMinor (skip, never a failure), and grades the exact value separately', () => {
    expect(run(ensureCodeMinor().run(exchange({ status: 401, body: { imsx_codeMajor: 'failure', imsx_severity: 'error' } }))).outcome).toBe('skip');
    expect(run(ensureCodeMinor('forbidden').run(exchange({ status: 403, body: statusInfo('unauthorizedrequest') }))).outcome).toBe('fail');
    expect(run(ensureCodeMinor('forbidden').run(exchange({ status: 403, body: forbidden }))).outcome).toBe('pass');
  });

  it('skips a status for which no codeMinor is defined', () => {
    expect(run(ensureCodeMinor().run(exchange({ status: 302, body: statusInfo('invalid_data') }))).outcome).toBe('skip');
  });
});

/** The official CLR 1.0 getClr error schema (shared spec-data, read at test time): imsx_codeMinor is not required. */
const GETCLR_ERRORS = 'clr/v1p0/schema/json/clrv1p0-getclr-400-401-403-404-410-421-responsepayload-schemav2p0.json';
const officialFiles = officialDataFor('The codeMinor tests against the official CLR 1.0 status schema', [GETCLR_ERRORS]);

describe.runIf(officialFiles)('imsx_codeMinor is optional (CLR 1.0 status schema)', () => {
  const official = officialFiles ? (JSON.parse(readFileSync(officialFiles.file(GETCLR_ERRORS), 'utf8')) as Record<string, unknown>) : {};
  const validate = new AjvDraft04Module.default({ strict: false }).compile(official);
  const bare404 = { imsx_codeMajor: 'failure', imsx_severity: 'error', imsx_description: 'No such CLR' };

  it('the official schema accepts a 404 body without imsx_codeMinor', () => {
    expect(validate(bare404), JSON.stringify(validate.errors)).toBe(true);
    expect(run(ensureStatusInfo.run(exchange({ status: 404, body: bare404 }))).outcome).toBe('pass');
  });
  it('absent: the presence check fails (graded SHOULD by the scenario), the fit check skips', () => {
    const x = exchange({ status: 404, body: bare404 });
    const presence = run(ensureCodeMinorPresent.run(x));
    expect(presence.outcome).toBe('fail');
    expect(presence.message).toMatch(/optional in the CLR 1\.0 status schema/);
    expect(run(ensureCodeMinor().run(x)).outcome).toBe('skip');
  });
  it('present and wrong for the status: still a failure of the fit check', () => {
    const x = exchange({ status: 404, body: statusInfo('forbidden') });
    expect(validate(x.json())).toBe(true);
    expect(run(ensureCodeMinorPresent.run(x)).outcome).toBe('pass');
    expect(run(ensureCodeMinor().run(x)).outcome).toBe('fail');
  });
});

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crosscheckPassed, runCrosscheck } from '../crosscheck/crosscheck.js';
import { ERRATA, explain, type Disagreement } from '../crosscheck/errata.js';
import { mutations } from '../crosscheck/mutations.js';
import { locateSpecData } from '../crosscheck/official.js';
import { SchemaIds } from '../src/ids.js';
import { officialDataFor } from '../../test/support/environment.js';

// The examples and both schema families: the sync cache alone is not enough here.
const official = officialDataFor('The schema cross-check tests', ['ob/v2p1/schema/json/', 'ob/v2p1/examples/', 'ob/v2p0/examples/', 'clr/v1p0/schema/json/']);

describe('locating spec-data for `npm run crosscheck`', () => {
  it('finds nothing where LRC_SPEC_DATA points at no folder', () => {
    expect(locateSpecData({ LRC_SPEC_DATA: '/nonexistent/spec-data' })).toBeNull();
  });
});

describe.runIf(official)('cross-check against the official files', () => {
  it('has no unexpected disagreement', async () => {
    const report = await runCrosscheck(official!.file(''));
    expect(report.unexpected.map((d) => `${d.seed} / ${d.mutation}`)).toEqual([]);
    expect(report.documents).toBeGreaterThan(1000);
    expect(report.agreed + report.explained).toBe(report.documents);
    expect(report.oursOnly.filter((o) => !o.valid)).toEqual([]);
    expect(report.contexts.differences).toEqual([]);
    expect(report.contexts.compared).toBeGreaterThan(30);
    // The spec examples themselves need exactly these errata.
    for (const id of ['E2', 'E3', 'E11']) expect(report.knownErrata[id]).toBeGreaterThan(0);
    // CLR 1.0: our fixtures and their mutations against the official draft-04 files.
    expect(report.clr.unexpected.map((d) => `${d.seed} / ${d.mutation}`)).toEqual([]);
    expect(report.clr.documents).toBeGreaterThan(5000);
    expect(report.clr.agreed + report.clr.explained).toBe(report.clr.documents);
    expect(report.clr.contexts.differences).toEqual([]);
    expect(report.clr.contexts.identical).toBeGreaterThan(5);
    expect(report.clr.contexts.explained).toBeGreaterThan(0);
    // Every CLR erratum that can change a verdict shows up in the corpus (E21 needs a value no fixture has).
    for (const id of ['E17', 'E18', 'E19', 'E20', 'E22', 'E23', 'E24', 'E25']) expect(report.clr.knownErrata[id], id).toBeGreaterThan(0);
    expect(crosscheckPassed(report)).toBe(true);
  }, 120_000);

  it('fails the CLR part when an unexplained disagreement is injected', () => {
    const d: Disagreement = {
      seed: 'test',
      mutation: 'retype:/issuedOn',
      ourSchema: SchemaIds.clr.clr,
      officialSchema: 'clrv1p0-getclr-200-responsepayload-schemav2p0.json',
      document: { issuedOn: 5 },
      ours: { valid: false, errors: [{ instancePath: '/issuedOn', keyword: 'type', params: { type: 'string' }, schemaPath: '#', message: 'type' }] },
      official: { valid: true, errors: [] },
    };
    expect(explain(d)).toBeNull();
    // An OB erratum never explains a CLR disagreement, even where its predicate would match.
    const ext = { ...d, ours: { valid: true, errors: [] }, official: { valid: false, errors: [{ instancePath: '/x', keyword: 'oneOf', params: {}, schemaPath: '#/patternProperties/x/oneOf', message: 'x' }, { instancePath: '/x', keyword: 'type', params: {}, schemaPath: '#/patternProperties/x/oneOf/0/type', message: 'x' }] } };
    expect(explain(ext)?.map((e) => e.id)).toEqual(['E18']);
  });
});

describe('errata table', () => {
  it('matches ERRATA.md row for row', () => {
    const markdown = fs.readFileSync(new URL('../ERRATA.md', import.meta.url), 'utf8');
    const rows = [...markdown.matchAll(/^\| (E\d+) \| ([a-z0-9-]+) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(rows).toEqual(ERRATA.map((e) => `${e.id} ${e.slug}`));
  });

  const base: Omit<Disagreement, 'ours' | 'official'> = {
    seed: 'test',
    mutation: 'retype:/status/statusCode',
    ourSchema: SchemaIds.obc.errorResponse,
    officialSchema: 'official.json',
    document: { status: { statusCode: '404', statusText: 'NOT_FOUND' } },
  };
  const err = (instancePath: string, keyword: string, params: Record<string, unknown> = {}) => ({ instancePath, keyword, params, schemaPath: '#', message: keyword });

  it('leaves a disagreement outside every erratum unexplained', () => {
    const d = { ...base, ours: { valid: false, errors: [err('/status/statusCode', 'type')] }, official: { valid: true, errors: [] } };
    expect(explain(d)).toBeNull();
  });

  it('needs every error explained, not just one', () => {
    const d = {
      ...base,
      ours: { valid: false, errors: [err('/status', 'required', { missingProperty: 'statusText' }), err('/status/statusCode', 'type')] },
      official: { valid: true, errors: [] },
    };
    expect(explain(d)).toBeNull();
    expect(explain({ ...d, ours: { valid: false, errors: [d.ours.errors[0]!] } })?.map((e) => e.id)).toEqual(['E6']);
  });

  it('does not apply mutation-only errata to an unmutated example', () => {
    const d = { ...base, mutation: 'original', ours: { valid: false, errors: [err('/status', 'required', { missingProperty: 'statusText' })] }, official: { valid: true, errors: [] } };
    expect(explain(d)).toBeNull();
  });
});

describe('mutations', () => {
  it('names each single-field change by kind and JSON pointer', () => {
    const names = mutations({ status: { statusCode: 200, statusText: 'OK' }, 'a/b': ['https://example.org'] }).map((m) => m.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'delete:/status',
        'retype:/status/statusCode',
        'bad-format:/status/statusCode',
        'bad-enum:/status/statusText',
        'null:/status/statusText',
        'extra-property:/',
        'extra-extension:/status',
        'bad-format:/a~1b/0',
      ]),
    );
    expect(new Set(names).size).toBe(names.length);
  });

  it('leaves the original document untouched', () => {
    const doc = { a: { b: 1 } };
    mutations(doc);
    expect(doc).toEqual({ a: { b: 1 } });
  });
});

// Our CLR 1.0 context: served offline, expands valid CLR documents, rejects undefined terms.
import { describe, expect, it } from 'vitest';
import { bundledContextUrls, checkJsonLd, CONTEXT_URLS, documentLoader } from '../src/jsonld.js';
import { candidateFinalClr, CLR_VALID, finalClr, neutralClr } from './clr-fixtures.js';
import { SchemaIds } from '../src/ids.js';
import { withValue } from './helpers.js';
import { assertion as ob20Assertion } from './fixtures.js';

const CLRI = 'https://purl.imsglobal.org/spec/clr/vocab#';

describe('CLR 1.0 JSON-LD context', () => {
  it('is served by the offline loader under the CLR context URL', async () => {
    expect(CONTEXT_URLS.clr10).toBe('https://purl.imsglobal.org/spec/clr/v1p0/context/clr_v1p0.jsonld');
    expect(bundledContextUrls()).toContain(CONTEXT_URLS.clr10);
    const { document } = await documentLoader(CONTEXT_URLS.clr10);
    expect((document as { '@context': Record<string, unknown> })['@context'].clr).toBe('clri:dtClr');
  });

  it.each([
    ['neutral', neutralClr],
    ['Final', finalClr],
    ['Candidate Final', candidateFinalClr],
  ])('expands a valid %s CLR with its embedded assertions and endorsements', async (_n, make) => {
    const result = await checkJsonLd(make());
    expect(result.ok).toBe(true);
    const text = JSON.stringify(result.ok ? result.expanded : null);
    expect(text).toContain(`${CLRI}dtClr`);
    expect(text).toContain('https://w3id.org/openbadges#recipient');
    expect(text).toContain('https://w3id.org/openbadges#hosted');
  });

  it.each([SchemaIds.clr.clrSet, SchemaIds.clr.clrPayload, SchemaIds.clr.discovery, SchemaIds.clr.cryptographicKey, SchemaIds.clr.revocationList])(
    'expands the valid %s fixture',
    async (id) => expect((await checkJsonLd(CLR_VALID[id]!())).ok).toBe(true),
  );

  it('expands an OB 2.0 assertion embedded with its own context', async () => {
    const doc = neutralClr();
    (doc.assertions as unknown[]).push(ob20Assertion());
    const result = await checkJsonLd(doc);
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result.ok ? result.expanded : null)).toContain('https://w3id.org/openbadges#badge');
  });

  it('maps the Candidate Final date names onto the Final terms (E16)', async () => {
    const result = await checkJsonLd(candidateFinalClr());
    expect(JSON.stringify(result.ok ? result.expanded : null)).toContain(`${CLRI}activityStartDate`);
  });

  it('rejects an undefined term, top-level or nested', async () => {
    expect(await checkJsonLd({ ...neutralClr(), grade: 'A' })).toMatchObject({ ok: false, code: 'jsonld.undefined-term' });
    expect(await checkJsonLd(withValue(neutralClr(), '/assertions/0/grade', 'A'))).toMatchObject({ ok: false, code: 'jsonld.undefined-term' });
  });

  it('rejects an undefined type name as a relative IRI', async () => {
    expect(await checkJsonLd({ ...neutralClr(), type: 'Transcript' })).toMatchObject({ ok: false, code: 'jsonld.relative-iri' });
  });
});

import { describe, expect, it } from 'vitest';
import { CONTEXT_URLS, bundledContextUrls, checkJsonLd, documentLoader, RemoteContextRefusedError } from '../src/jsonld.js';
import { assertion, manifest } from './fixtures.js';

const OBI = 'https://w3id.org/openbadges#';

describe('documentLoader', () => {
  it('serves every bundled context URL from memory', async () => {
    // The OB 2.0 extension contexts are served too (ob20-extensions.test.ts).
    expect(bundledContextUrls().filter((u) => !u.includes('/extensions/')).sort()).toEqual(Object.values(CONTEXT_URLS).sort());
    for (const url of bundledContextUrls()) {
      const doc = await documentLoader(url);
      expect(doc).toMatchObject({ contextUrl: null, documentUrl: url, document: { '@context': expect.any(Object) } });
    }
  });

  it.each(['https://example.org/context.json', 'https://w3id.org/openbadges/v1', 'https://www.w3.org/2018/credentials/v1', 'file:///etc/passwd'])(
    'refuses %s with a stable code',
    async (url) => {
      const error = await documentLoader(url).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RemoteContextRefusedError);
      expect(error).toMatchObject({ code: 'jsonld.remote-context-refused', url });
    },
  );

  it('returns copies, so a caller cannot alter the bundled context', async () => {
    const first = await documentLoader(CONTEXT_URLS.ob20);
    (first.document as { '@context': Record<string, unknown> })['@context'].issuedOn = 'x';
    const again = await documentLoader(CONTEXT_URLS.ob20);
    expect((again.document as { '@context': Record<string, unknown> })['@context'].issuedOn).not.toBe('x');
  });
});

describe('checkJsonLd', () => {
  it('expands a valid OB 2.0 assertion with terms of our context', async () => {
    const result = await checkJsonLd(assertion());
    expect(result.ok).toBe(true);
    const node = (result as { expanded: Record<string, unknown>[] }).expanded[0]!;
    expect(node['@type']).toEqual([`${OBI}Assertion`]);
    expect(node[`${OBI}issueDate`]).toEqual([{ '@type': 'http://www.w3.org/2001/XMLSchema#dateTime', '@value': '2024-01-02T03:04:05Z' }]);
  });

  it('accepts the openbadgespec.org alias of the OB 2.0 context', async () => {
    expect((await checkJsonLd({ ...assertion(), '@context': CONTEXT_URLS.ob20Alt })).ok).toBe(true);
  });

  it('accepts a manifest under both Badge Connect context URLs, with a Manifest type (E15)', async () => {
    for (const url of [CONTEXT_URLS.obc21, CONTEXT_URLS.obc21Alt]) {
      expect(await checkJsonLd({ ...manifest(), '@context': url, type: 'Manifest' })).toMatchObject({ ok: true });
    }
  });

  it('rejects an undefined term', async () => {
    const result = await checkJsonLd({ ...assertion(), score: 5 });
    expect(result).toMatchObject({ ok: false, code: 'jsonld.undefined-term' });
    expect((result as { message: string }).message).toContain('score');
  });

  it('rejects a relative IRI', async () => {
    expect(await checkJsonLd({ ...assertion(), id: 'assertions/1' })).toMatchObject({ ok: false, code: 'jsonld.relative-iri' });
    expect(await checkJsonLd({ ...assertion(), type: 'UnknownClass' })).toMatchObject({ ok: false, code: 'jsonld.relative-iri' });
  });

  it('rejects a document without context and one with a remote context', async () => {
    const { '@context': _context, ...bare } = assertion();
    expect(await checkJsonLd(bare)).toMatchObject({ ok: false, code: 'jsonld.undefined-term' });
    const remote = await checkJsonLd({ ...assertion(), '@context': [CONTEXT_URLS.ob20, 'https://example.org/extension/context.json'] });
    expect(remote).toMatchObject({ ok: false, code: 'jsonld.remote-context-refused' });
  });

  it('accepts an extension with an inline context and a compact-IRI key', async () => {
    const doc = {
      ...assertion(),
      'extensions:exampleExtension': {
        '@context': { obi: OBI, exampleProperty: 'http://schema.org/text' },
        type: ['Extension', 'extensions:ExampleExtension'],
        exampleProperty: 'x',
      },
    };
    expect((await checkJsonLd(doc)).ok).toBe(true);
  });

  it('returns a verdict for input that is not JSON-LD at all', async () => {
    expect(await checkJsonLd('text')).toMatchObject({ ok: false, code: 'jsonld.not-an-object' });
    expect(await checkJsonLd(null)).toMatchObject({ ok: false, code: 'jsonld.not-an-object' });
    expect(await checkJsonLd({ '@context': 5 })).toMatchObject({ ok: false, code: 'jsonld.invalid' });
  });
});

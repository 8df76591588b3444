// The official OB 2.0 extensions: our schemas and contexts against the extension definitions' own files
// (read from ../shared/spec-data at run time), on one valid node per extension and named mutations of it.
import path from 'node:path';
import AjvModule from 'ajv';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { extensionContextUrls, extensionSchemaId, OB_EXTENSIONS } from '../ob/v2p0/extensions.js';
import { officialExtensionSchema, readJson } from '../crosscheck/official.js';
import { officialDataFor } from '../../test/support/environment.js';
import { checkJsonLd, documentLoader } from '../src/jsonld.js';
import { getRegistry } from '../src/registry.js';
import { DELETE, withValue } from './helpers.js';
import { assertion } from './fixtures.js';

const official = officialDataFor('The OB 2.0 extension tests', ['ob/v2p0/spec/extensions/']);
const specData = official?.file('');
const registry = getRegistry();
const ctx = (name: string) => extensionContextUrls(name)[0]!;
const UUID = '3f2b8c1e-5d4a-4b6f-9e2d-1a2b3c4d5e6f';

/** One valid node of each extension, as its definition describes it. */
export const EXTENSION_NODES: Record<string, () => Record<string, unknown>> = {
  exampleExtension: () => ({ '@context': ctx('exampleExtension'), type: ['Extension', 'extensions:ExampleExtension'], exampleProperty: 'Some text.' }),
  applyLinkExtension: () => ({ '@context': ctx('applyLinkExtension'), type: ['Extension', 'extensions:ApplyLink'], url: 'https://example.org/apply' }),
  accessibilityExtension: () => ({
    '@context': ctx('accessibilityExtension'), type: ['Extension', 'extensions:Accessibility'], url: 'https://example.org/accessible-content',
    accessibilityAPI: 'ARIA', accessibilityControl: ['fullKeyboardControl', 'fullMouseControl'], accessibilityFeature: 'audioDescription', accessibilityHazard: 'noFlashingHazard',
  }),
  originalCreatorExtension: () => ({ '@context': ctx('originalCreatorExtension'), type: ['Extension', 'extensions:OriginalCreator'], url: 'https://example.org/creator.json' }),
  recipientProfile: () => ({ '@context': ctx('recipientProfile'), type: ['Extension', 'extensions:RecipientProfile'], name: 'Alice Example', publicKey: 'ecdsa-koblitz-pubkey:14RZvYazz9H2DC2skBfpPVxax54g4yabxe' }),
  geoCoordinatesExtension: () => ({
    '@context': ctx('geoCoordinatesExtension'), type: ['Extension', 'extensions:GeoCoordinates'], name: 'Campus', description: 'Where the badge is offered.', geo: { latitude: 44.98, longitude: -93.26 },
  }),
  licenseExtension: () => ({
    '@context': ctx('licenseExtension'), type: ['Extension', 'extensions:LicenseExtension'], id: 'CC-BY', name: 'Attribution 4.0 International',
    legalCode: 'https://creativecommons.org/licenses/by/4.0/legalcode',
  }),
  endorsement: () => ({ '@context': ctx('endorsement'), type: ['Extension', 'endorsement'], description: 'A sound badge.', endorsedObject: { id: 'https://example.org/badges/1' } }),
  extraDescription: () => ({ '@context': ctx('extraDescription'), type: ['Extension', 'extensions:ExtraDescriptionExtension'], name: 'Background', narrative: 'More *about* this badge.' }),
  issuerAccreditationExtension: () => ({
    '@context': ctx('issuerAccreditationExtension'), type: ['Extension', 'extensions:IssuerAccreditation'], name: 'Accrediting Body', contactInstructions: 'Write to us.',
    url: 'https://accreditor.example.org', email: 'office@accreditor.example.org', accreditationDate: '2020-05-01',
    address: { streetAddress: '1 Main St', addressLocality: 'Springfield', addressRegion: 'IL', postalCode: '62701', addressCountry: 'US' },
  }),
  assessmentExtension: () => ({
    '@context': ctx('assessmentExtension'), type: ['Extension', 'extensions:AssessmentExtension'], description: 'One exam.',
    assessments: [{
      type: 'Exam', description: 'Written exam', assessmentOutput: 'Score', hasGroupParticipation: false, hasGroupEvaluation: false, evaluationMethod: 'Graded by staff',
      rubrics: { identifier: UUID, title: 'Rubric', rubricCriteria: [{ identifier: UUID, description: 'Accuracy', criterionLevels: { identifier: UUID, description: 'Good', score: 3 } }] },
      sections: { title: 'Part 1', questions: [{ type: 'TextQuestion', text: 'Explain.', wordLimit: 200 }] },
    }],
  }),
};

/** The License node as JSON-LD can expand it: the license by URL, not by its alias (ERRATA.md X3). */
const expandable = (name: string) => (name === 'licenseExtension' ? { ...EXTENSION_NODES[name]!(), id: 'https://creativecommons.org/licenses/by/4.0/' } : EXTENSION_NODES[name]!());

/** ERRATA.md X2: the official Accessibility file is no valid JSON Schema (`required` inside `properties`). */
const UNCOMPILABLE = ['accessibilityExtension'];

function officialValidator(name: string) {
  const schema = readJson(path.join(specData!, officialExtensionSchema(name))) as Record<string, unknown>;
  const draft04 = String(schema.$schema).includes('draft-04');
  // unicodeRegExp off: the License pattern `^CC\-` is a valid ECMAScript regex only without the u flag.
  const options = { strict: false, allErrors: true, logger: false, unicodeRegExp: false } as const;
  const ajv = draft04 ? new AjvDraft04Module.default(options) : new AjvModule.default(options);
  addFormatsModule.default(ajv);
  const { $schema: _, ...rest } = schema;
  return ajv.compile(draft04 ? schema : rest);
}

const hostWith = (name: string, node: unknown) => ({ ...assertion(), [`extensions:${name}`]: node });

describe.runIf(official)('OB 2.0 extensions', () => {
  it('defines every extension published in spec-data, and only those', async () => {
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(path.join(specData!, 'ob/v2p0/spec/extensions')).sort()).toEqual(OB_EXTENSIONS.map((e) => e.name).sort());
    expect(Object.keys(EXTENSION_NODES).sort()).toEqual(OB_EXTENSIONS.map((e) => e.name).sort());
  });

  describe.each(OB_EXTENSIONS.map((e) => e.name))('%s', (name) => {
    const valid = EXTENSION_NODES[name]!;
    const ours = (doc: unknown) => registry.validate(extensionSchemaId(name), doc);

    it('accepts the valid node, as the official schema does', () => {
      expect(ours(valid()).errors).toEqual([]);
      if (UNCOMPILABLE.includes(name)) {
        expect(() => officialValidator(name)).toThrow(/schema is invalid/);
        return;
      }
      const official = officialValidator(name);
      expect(official(valid()), JSON.stringify(official.errors)).toBe(true);
    });

    it('an assertion carrying it expands as JSON-LD offline, with both published context URLs', async () => {
      for (const url of extensionContextUrls(name)) {
        const result = await checkJsonLd(hostWith(name, { ...expandable(name), '@context': url }));
        expect(result, url).toMatchObject({ ok: true });
        expect((await documentLoader(url)).document).toMatchObject({ '@context': expect.any(Object) });
      }
    });

    it('rejects the node without each required property; the official schema agrees except where listed', () => {
      const schema = registry.schema(extensionSchemaId(name)) as { required: string[] };
      const official = UNCOMPILABLE.includes(name) ? undefined : officialValidator(name);
      for (const prop of schema.required) {
        const mutated = withValue(valid(), `/${prop}`, DELETE);
        expect(ours(mutated).errors, `delete ${prop}`).toContainEqual(expect.objectContaining({ keyword: 'required', params: { missingProperty: prop } }));
        // @context and type are JSON-LD matters the official files leave to the context's obi:validation.
        if (prop === '@context' || prop === 'type' || !official) continue;
        expect(official(mutated), `official, delete ${prop}`).toBe(false);
      }
    });

    it('rejects a node without the Extension class or without its own type', () => {
      const types = valid().type as string[];
      expect(ours(withValue(valid(), '/type', types.filter((t) => t !== 'Extension'))).valid).toBe(false);
      expect(ours(withValue(valid(), '/type', ['Extension'])).valid).toBe(false);
      expect(ours(withValue(valid(), '/type', types.join(' '))).valid).toBe(false);
    });
  });

  it('rejects mistyped values, as the official schemas do', () => {
    const cases: [string, string, unknown][] = [
      ['exampleExtension', '/exampleProperty', 5],
      ['applyLinkExtension', '/url', 'not a url'],
      ['geoCoordinatesExtension', '/geo/latitude', 'north'],
      ['issuerAccreditationExtension', '/accreditationDate', '2020-13-01'],
      ['assessmentExtension', '/assessments/0/type', 'Quiz'],
      ['assessmentExtension', '/assessments/0/rubrics/identifier', 'not-a-uuid'],
      ['licenseExtension', '/id', 'MIT'],
    ];
    for (const [name, pointer, value] of cases) {
      const mutated = withValue(EXTENSION_NODES[name]!(), pointer, value);
      expect(registry.validate(extensionSchemaId(name), mutated).valid, `${name} ${pointer}`).toBe(false);
      expect(officialValidator(name)(mutated), `official ${name} ${pointer}`).toBe(false);
    }
  });

  it('License: the published alias form passes the schema but is a relative IRI in JSON-LD (ERRATA.md X3)', async () => {
    const alias = EXTENSION_NODES.licenseExtension!();
    expect(registry.validate(extensionSchemaId('licenseExtension'), alias).valid).toBe(true);
    expect(await checkJsonLd(hostWith('licenseExtension', alias))).toMatchObject({ ok: false, code: 'jsonld.relative-iri' });
    expect(registry.validate(extensionSchemaId('licenseExtension'), expandable('licenseExtension')).valid).toBe(true);
  });

  it('Assessment: a rubric level with feedback passes the schema but the context has no term for it (ERRATA.md X4)', async () => {
    const node = withValue(EXTENSION_NODES.assessmentExtension!(), '/assessments/0/rubrics/rubricCriteria/0/criterionLevels/feedback', 'Well done.');
    expect(registry.validate(extensionSchemaId('assessmentExtension'), node).valid).toBe(true);
    expect(await checkJsonLd(hostWith('assessmentExtension', node))).toMatchObject({ ok: false, code: 'jsonld.undefined-term' });
  });

  it('an undefined property inside an extension node fails JSON-LD', async () => {
    const node = { ...EXTENSION_NODES.exampleExtension!(), undefinedThing: 'x' };
    expect(await checkJsonLd(hostWith('exampleExtension', node))).toMatchObject({ ok: false, code: 'jsonld.undefined-term' });
  });
});

import { describe, expect, it } from 'vitest';
import { allSchemaIds, getRegistry, liftUnknownProperties, SchemaIds } from '../src/registry.js';
import { VALID } from './fixtures.js';
import { DELETE, withValue } from './helpers.js';

const registry = getRegistry();
const BASE = 'https://lrc-conformance.dev/schemas/';

describe('registry', () => {
  it('publishes the ids of the contract', () => {
    const suffixes = allSchemaIds.map((id) => id.slice(BASE.length)).sort();
    expect(suffixes).toEqual(
      [
        'obc/v2p1/manifest.json', 'obc/v2p1/status.json', 'obc/v2p1/error-response.json', 'obc/v2p1/get-assertions-200.json',
        'obc/v2p1/post-assertion-request.json', 'obc/v2p1/post-assertion-200.json', 'obc/v2p1/get-profile-200.json',
        'obc/v2p1/post-profile-request.json', 'obc/v2p1/post-profile-200.json', 'oauth/registration-request.json',
        'oauth/registration-response.json', 'oauth/token-response.json', 'oauth/error-response.json',
        ...['assertion', 'badgeclass', 'profile', 'issuer', 'identity-object', 'verification-object', 'image', 'criteria', 'evidence',
          'alignment', 'endorsement', 'cryptographic-key', 'revocation-list'].map((n) => `ob/v2p0/${n}.json`),
        ...['clr', 'clr-set', 'clr-payload', 'discovery', 'imsx-status-info', 'assertion', 'achievement', 'profile', 'identity',
          'result', 'result-description', 'alignment', 'evidence', 'endorsement', 'endorsement-claim', 'verification',
          'cryptographic-key', 'revocation-list', 'rubric-criterion-level', 'association', 'artifact'].map((n) => `clr/v1p0/${n}.json`),
      ].sort(),
    );
    for (const id of allSchemaIds) {
      expect(registry.has(id)).toBe(true);
      expect(registry.ids()).toContain(id);
      expect(registry.schema(id)).toMatchObject({ $id: id, $schema: 'https://json-schema.org/draft/2020-12/schema' });
    }
    expect(registry.has(`${BASE}nope.json`)).toBe(false);
  });

  it('returns the same singleton and throws on an unknown id', () => {
    expect(getRegistry()).toBe(registry);
    expect(() => registry.validate(`${BASE}nope.json`, {})).toThrow(/Unknown schema id/);
    expect(() => registry.schema(`${BASE}nope.json`)).toThrow(/Unknown schema id/);
  });

  it('hands out copies of schemas, so callers cannot change the registry', () => {
    const s = registry.schema(SchemaIds.obc.status) as Record<string, unknown>;
    s.required = [];
    expect(registry.validate(SchemaIds.obc.status, {}).valid).toBe(false);
  });

  it.each(allSchemaIds)('accepts the valid fixture in both modes: %s', (id) => {
    const doc = VALID[id]!();
    expect(registry.validate(id, doc).errors).toEqual([]);
    expect(registry.validate(id, doc, { unknownProperties: 'allow' }).valid).toBe(true);
  });

  // Schemas whose presence rules are not a plain `required` (criteria, post-assertion request) are covered
  // by named mutations in payloads.test.ts; evidence and verification objects have no required property.
  const requiredOf = (id: string): string[] => {
    const schema = registry.schema(id) as { required?: string[]; $ref?: string };
    return schema.required ?? (schema.$ref ? requiredOf(schema.$ref) : []);
  };
  const withRequired = allSchemaIds.filter((id) => requiredOf(id).length > 0);

  it('has a plain required list on all but five schemas (Artifact has none)', () => {
    expect(allSchemaIds.filter((id) => !withRequired.includes(id)).sort()).toEqual(
      [SchemaIds.obc.postAssertionRequest, SchemaIds.ob20.verificationObject, SchemaIds.ob20.criteria, SchemaIds.ob20.evidence, SchemaIds.clr.artifact].sort(),
    );
  });

  it.each(withRequired)('rejects the fixture without each required property: %s', (id) => {
    for (const name of requiredOf(id)) {
      const result = registry.validate(id, withValue(VALID[id]!(), `/${name}`, DELETE));
      expect(result.valid, `delete ${name}`).toBe(false);
      expect(result.errors).toContainEqual(expect.objectContaining({ keyword: 'required', params: { missingProperty: name } }));
    }
  });

  it.each(allSchemaIds)('rejects an unknown property only in reject mode: %s', (id) => {
    const doc = withValue(VALID[id]!(), '/unexpectedProperty', 'x');
    const strict = registry.validate(id, doc);
    expect(strict.valid).toBe(false);
    expect(strict.errors).toContainEqual(expect.objectContaining({ keyword: 'additionalProperties', params: { additionalProperty: 'unexpectedProperty' } }));
    expect(registry.validate(id, doc, { unknownProperties: 'allow' }).valid).toBe(true);
    expect(registry.validate(id, doc, { unknownProperties: 'reject' }).valid).toBe(false);
  });

  it('allow mode still enforces every other rule, also deep inside embedded objects', () => {
    const doc = withValue(VALID[SchemaIds.obc.getAssertions200]!(), '/assertions/0/badge/issuer/email', 'not-an-email');
    const withExtra = withValue(doc, '/assertions/0/badge/issuer/unexpected', 1);
    const result = registry.validate(SchemaIds.obc.getAssertions200, withExtra, { unknownProperties: 'allow' });
    expect(result.valid).toBe(false);
    expect(result.errors.every((e) => e.keyword !== 'additionalProperties')).toBe(true);
    expect(result.errors).toContainEqual(expect.objectContaining({ instancePath: '/assertions/0/badge/issuer/email', keyword: 'format' }));
  });

  it('reports errors as plain data', () => {
    const { errors } = registry.validate(SchemaIds.obc.status, { statusCode: 'x', statusText: 'OK' });
    expect(errors[0]).toEqual({
      instancePath: '/statusCode',
      schemaPath: expect.any(String),
      keyword: 'type',
      message: 'must be integer',
      params: { type: 'integer' },
    });
    expect(JSON.parse(JSON.stringify(errors))).toEqual(errors);
  });

  it('lifts only closed-object keywords', () => {
    const lifted = liftUnknownProperties({ additionalProperties: false, properties: { a: { unevaluatedProperties: false, type: 'object' } }, items: { additionalProperties: true } });
    expect(lifted).toEqual({ properties: { a: { type: 'object' } }, items: { additionalProperties: true } });
  });
});

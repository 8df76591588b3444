// One registry of our JSON Schemas for the runner and the reference apps.
import Ajv2020Module, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { addCustomFormats } from './formats.js';
import { SchemaIds } from './ids.js';
import type { Schema } from './build.js';
import { commonSchema } from '../ob/v2p0/common.js';
import { assertionSchema, evidenceSchema, identityObjectSchema, verificationObjectSchema } from '../ob/v2p0/assertion.js';
import { alignmentSchema, badgeClassSchema, criteriaSchema, imageSchema } from '../ob/v2p0/badgeclass.js';
import { cryptographicKeySchema, endorsementSchema, issuerSchema, profileSchema, revocationListSchema } from '../ob/v2p0/profile.js';
import { extensionSchemas } from '../ob/v2p0/extensions.js';
import { obcSchemas } from '../obc/v2p1/schemas.js';
import { oauthSchemas } from '../oauth/schemas.js';
import { clrSchemas } from '../clr/v1p0/index.js';

export { SchemaIds } from './ids.js';

// ajv and ajv-formats are CommonJS; under NodeNext the class/function sits on `.default`.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;
type Ajv = InstanceType<typeof Ajv2020>;

export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  message: string;
  params: Record<string, unknown>;
}
export interface ValidationResult {
  valid: boolean;
  errors: SchemaError[];
}
export interface ValidateOptions {
  unknownProperties?: 'reject' | 'allow';
}
export interface SchemaRegistry {
  validate(schemaId: string, data: unknown, options?: ValidateOptions): ValidationResult;
  has(schemaId: string): boolean;
  ids(): string[];
  schema(schemaId: string): object;
}

const ob20Schemas: Schema[] = [
  commonSchema,
  assertionSchema,
  identityObjectSchema,
  verificationObjectSchema,
  evidenceSchema,
  badgeClassSchema,
  imageSchema,
  criteriaSchema,
  alignmentSchema,
  profileSchema,
  issuerSchema,
  cryptographicKeySchema,
  revocationListSchema,
  endorsementSchema,
];

/** Every schema document we publish (including the shared-definition ones). */
export const allSchemas: readonly Schema[] = [...ob20Schemas, ...extensionSchemas, ...obcSchemas, ...oauthSchemas, ...clrSchemas];

/**
 * Copy of a schema with every `additionalProperties: false` / `unevaluatedProperties: false` removed, so
 * unknown properties pass while every other rule still applies.
 */
export function liftUnknownProperties<T>(node: T): T {
  if (Array.isArray(node)) return node.map((n) => liftUnknownProperties(n)) as T;
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'additionalProperties' || key === 'unevaluatedProperties') && value === false) continue;
    out[key] = liftUnknownProperties(value);
  }
  return out as T;
}

/** Ajv configured the way all our schemas expect: 2020-12, strict, all errors, formats asserted. */
export function createAjv(): Ajv {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, validateFormats: true });
  // Standard formats from ajv-formats; date-time and int32 are replaced by our stricter own versions.
  addFormats(ajv, ['uri', 'email', 'hostname', 'date']);
  addCustomFormats(ajv);
  return ajv;
}

function toSchemaError(e: ErrorObject): SchemaError {
  return {
    instancePath: e.instancePath,
    schemaPath: e.schemaPath,
    keyword: e.keyword,
    message: e.message ?? e.keyword,
    params: { ...(e.params as Record<string, unknown>) },
  };
}

class Registry implements SchemaRegistry {
  private readonly byId = new Map<string, Schema>();
  private readonly compiled = { reject: new Map<string, ValidateFunction>(), allow: new Map<string, ValidateFunction>() };
  private ajv: { reject?: Ajv; allow?: Ajv } = {};

  constructor(schemas: readonly Schema[]) {
    for (const s of schemas) this.byId.set(s.$id as string, s);
  }

  private instance(mode: 'reject' | 'allow'): Ajv {
    let ajv = this.ajv[mode];
    if (!ajv) {
      ajv = createAjv();
      for (const s of this.byId.values()) ajv.addSchema(mode === 'allow' ? liftUnknownProperties(s) : s);
      this.ajv[mode] = ajv;
    }
    return ajv;
  }

  private validator(schemaId: string, mode: 'reject' | 'allow'): ValidateFunction {
    const cache = this.compiled[mode];
    let fn = cache.get(schemaId);
    if (!fn) {
      if (!this.byId.has(schemaId)) throw new Error(`Unknown schema id: ${schemaId}`);
      fn = this.instance(mode).getSchema(schemaId);
      if (!fn) throw new Error(`Schema did not compile: ${schemaId}`);
      cache.set(schemaId, fn);
    }
    return fn;
  }

  validate(schemaId: string, data: unknown, options: ValidateOptions = {}): ValidationResult {
    const fn = this.validator(schemaId, options.unknownProperties ?? 'reject');
    const valid = fn(data) as boolean;
    return { valid, errors: valid ? [] : (fn.errors ?? []).map(toSchemaError) };
  }

  has(schemaId: string): boolean {
    return this.byId.has(schemaId);
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  schema(schemaId: string): object {
    const s = this.byId.get(schemaId);
    if (!s) throw new Error(`Unknown schema id: ${schemaId}`);
    return structuredClone(s);
  }
}

let singleton: Registry | undefined;

/** Process-wide registry; schemas compile on first use. */
export function getRegistry(): SchemaRegistry {
  singleton ??= new Registry(allSchemas);
  return singleton;
}

/** Every schema id in SchemaIds, flattened (handy for iteration in tests and tools). */
export const allSchemaIds: string[] = Object.values(SchemaIds).flatMap((group) => Object.values(group));

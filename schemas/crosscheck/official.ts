// Loading the official 1EdTech files at run time (never copied into the repository).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvModule, { type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { SchemaError } from '../src/registry.js';
import type { Verdict } from './errata.js';

const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

/** spec-data beside the repository (`../shared/spec-data`), or LRC_SPEC_DATA. Null when absent. */
export function locateSpecData(env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = env.LRC_SPEC_DATA ?? fileURLToPath(new URL('../../../shared/spec-data/', import.meta.url));
  return fs.existsSync(path.join(dir, 'ob', 'v2p1', 'schema', 'json')) ? dir : null;
}

export const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

const json = (name: string) => `json/imsob_v2p1v2p1-${name}-schemav1p0.json`;

/** Official OB 2.1 schema files, relative to `ob/v2p1/schema/`. */
export const OFFICIAL_SCHEMAS = {
  manifest: json('getmanifest-200-responsepayload'),
  // E1: the published file has a trailing comma; the syntax-fixed copy differs only in that.
  getAssertions200: `json-syntax-fixed/imsob_v2p1v2p1-getassertions-200-responsepayload-schemav1p0.json`,
  getAssertionsError: json('getassertions-400-401-404-405-500-responsepayload'),
  postAssertionRequest: json('postassertion-requestpayload'),
  postAssertionAny: json('postassertion-200-400-401-404-405-500-responsepayload'),
  getProfile200: json('getprofile-200-responsepayload'),
  getProfileError: json('getprofile-400-401-404-405-500-responsepayload'),
  postProfileRequest: json('postprofile-requestpayload'),
  postProfile200: json('postprofile-200-responsepayload'),
  postProfileError: json('postprofile-400-401-404-405-responsepayload'),
} as const;

/** The official schemas as draft-07 validators: non-strict (they carry `format: int32`, `default` etc.). */
export class OfficialSchemas {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly specData: string) {
    addFormats(this.ajv);
  }

  validate(file: string, data: unknown): Verdict {
    let fn = this.compiled.get(file);
    if (!fn) {
      fn = this.ajv.compile(readJson(path.join(this.specData, 'ob', 'v2p1', 'schema', file)) as object);
      this.compiled.set(file, fn);
    }
    const valid = fn(data) as boolean;
    const errors: SchemaError[] = valid
      ? []
      : (fn.errors ?? []).map((e) => ({
          instancePath: e.instancePath,
          schemaPath: e.schemaPath,
          keyword: e.keyword,
          message: e.message ?? e.keyword,
          params: { ...(e.params as Record<string, unknown>) },
        }));
    return { valid, errors };
  }
}

/** Loader for the official contexts, used only to compare their expansions with ours. */
export function officialContextLoader(specData: string) {
  const files: Record<string, string> = {
    'https://w3id.org/openbadges/v2': 'ob/v2p0/spec/v2/context.json',
    'https://openbadgespec.org/v2/context.json': 'ob/v2p0/spec/v2/context.json',
    'https://purl.imsglobal.org/spec/ob/v2p1/context/ob_v2p1.jsonld': 'ob/v2p1/schema/jsonld-context/ob_v2p1.jsonld',
    'https://purl.imsglobal.org/spec/ob/v2p1/ob_v2p1.jsonld': 'ob/v2p1/schema/jsonld-context/ob_v2p1.jsonld',
  };
  return async (url: string) => {
    const file = files[url];
    if (!file) throw new Error(`no official copy of ${url}`);
    return { contextUrl: null, documentUrl: url, document: readJson(path.join(specData, file)) as object };
  };
}

// Loading the official 1EdTech files at run time (never copied into the repository).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvModule, { type ValidateFunction } from 'ajv';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import type { SchemaError } from '../src/registry.js';
import { extensionContextUrls, OB_EXTENSIONS } from '../ob/v2p0/extensions.js';
import type { Verdict } from './errata.js';

const Ajv = AjvModule.default;
const AjvDraft04 = AjvDraft04Module.default;
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

const clrJson = (name: string) => `clrv1p0-${name}.json`;
const clrPayload = (name: string) => clrJson(`${name}-responsepayload-schemav2p0`);

/** An official OB 2.0 extension's JSON Schema (draft-04 or draft-06), relative to spec-data. */
export const officialExtensionSchema = (name: string): string => `ob/v2p0/spec/extensions/${name}/schema.json`;

/** Official CLR 1.0 schema files (draft-04), relative to `clr/v1p0/schema/json/`. */
export const OFFICIAL_CLR_SCHEMAS = {
  getClr200: clrPayload('getclr-200'),
  getClrError: clrPayload('getclr-400-401-403-404-410-421'),
  getClrs200: clrPayload('getclrs-200'),
  getClrsError: clrPayload('getclrs-400-401-403-404-421'),
  postClrRequest: clrJson('postclr-requestpayload-schemav2p0'),
  postClr200: clrPayload('postclr-200-201'),
  postClrError: clrPayload('postclr-304-400-401-403-404-405-421'),
  deleteClrAny: clrPayload('deleteclr-204-400-401-403-404-405-421'),
  discovery200: clrPayload('getdiscoverydocument-200'),
  discoveryError: clrPayload('getdiscoverydocument-404-421'),
  assertion: clrJson('assertion'),
  endorsement: clrJson('endorsement'),
  cryptographicKey: clrJson('cryptographickey'),
  revocationList: clrJson('revocationlist'),
} as const;

/**
 * The official schemas as validators: OB 2.1 files are draft-07, CLR 1.0 files draft-04. Non-strict,
 * because they carry `format: int32`/`float`, `default` and similar annotations.
 */
export class OfficialSchemas {
  private readonly ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly dir: string;

  constructor(specData: string, family: 'ob' | 'clr' = 'ob') {
    this.ajv = family === 'ob' ? new Ajv({ strict: false, allErrors: true, logger: false }) : new AjvDraft04({ strict: false, allErrors: true, logger: false });
    this.dir = family === 'ob' ? path.join(specData, 'ob', 'v2p1', 'schema') : path.join(specData, 'clr', 'v1p0', 'schema', 'json');
    addFormats(this.ajv);
  }

  validate(file: string, data: unknown): Verdict {
    let fn = this.compiled.get(file);
    if (!fn) {
      fn = this.ajv.compile(readJson(path.join(this.dir, file)) as object);
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
    'https://purl.imsglobal.org/spec/clr/v1p0/context/clr_v1p0.jsonld': 'clr/v1p0/context/clr_v1p0.jsonld',
    ...Object.fromEntries(
      OB_EXTENSIONS.flatMap((ext) => extensionContextUrls(ext.name).map((url) => [url, `ob/v2p0/spec/extensions/${ext.name}/context.json`])),
    ),
  };
  return async (url: string) => {
    const file = files[url];
    if (!file) throw new Error(`no official copy of ${url}`);
    return { contextUrl: null, documentUrl: url, document: readJson(path.join(specData, file)) as object };
  };
}

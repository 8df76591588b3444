// Validates payloads against the cached official schema files: draft-07 (Ajv) for Badge Connect,
// draft-04 (ajv-draft-04) for CLR 1.0, both non-strict because the files carry annotations such as
// `format: int32`/`float` that the dialects do not define.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AjvModule, { type ValidateFunction } from 'ajv';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import type { SchemaError } from '../../../schemas/src/registry.js';
import { DEFAULT_CACHE_DIR, OFFICIAL_FILES, fileForKind, kindForSchemaId, type OfficialFile, type OfficialKind } from './manifest.js';
import { parseOfficialFile } from './parse.js';
import { INDEX_FILE, type CacheIndex } from './sync.js';

const Ajv = AjvModule.default;
const AjvDraft04 = AjvDraft04Module.default;
const addFormats = addFormatsModule.default;

export interface OfficialVerdict {
  kind: OfficialKind;
  /** The official file consulted and its published URL. */
  file: string;
  url: string;
  valid: boolean;
  errors: SchemaError[];
  /** Workarounds applied and caveats (syntax erratum, standalone-document schema, binding). */
  notes: string[];
}

/** The cache is missing, incomplete or altered; the message says how to fix it. */
export class OfficialCacheError extends Error {
  override readonly name = 'OfficialCacheError';
}

export class OfficialValidator {
  private readonly ajv: Record<OfficialFile['family'], { compile(schema: object): ValidateFunction }>;
  private readonly compiled = new Map<string, ValidateFunction>();

  private constructor(
    readonly cacheDir: string,
    readonly index: CacheIndex,
  ) {
    const ob = new Ajv({ strict: false, allErrors: true, logger: false });
    const clr = new AjvDraft04({ strict: false, allErrors: true, logger: false });
    addFormats(ob);
    addFormats(clr);
    this.ajv = { ob21: ob, clr10: clr };
  }

  /** True when a synced cache index exists in `cacheDir`. */
  static exists(cacheDir: string = DEFAULT_CACHE_DIR): boolean {
    return existsSync(path.join(cacheDir, INDEX_FILE));
  }

  /** Opens a synced cache, checking that every file is present and matches its recorded digest. */
  static load(cacheDir: string = DEFAULT_CACHE_DIR): OfficialValidator {
    const indexPath = path.join(cacheDir, INDEX_FILE);
    if (!existsSync(indexPath)) throw new OfficialCacheError(`no official schema cache at ${cacheDir} (run: conformance schemas sync)`);
    let index: CacheIndex;
    try {
      index = JSON.parse(readFileSync(indexPath, 'utf8')) as CacheIndex;
    } catch {
      throw new OfficialCacheError(`official schema cache index ${indexPath} is not JSON (run: conformance schemas sync)`);
    }
    for (const file of OFFICIAL_FILES) {
      const entry = index.files?.find((f) => f.path === file.path);
      const target = path.join(cacheDir, file.path);
      if (!entry || !existsSync(target)) throw new OfficialCacheError(`official schema cache lacks ${file.path} (run: conformance schemas sync)`);
      const digest = createHash('sha256').update(readFileSync(target)).digest('hex');
      if (digest !== entry.sha256) throw new OfficialCacheError(`official schema cache file ${file.path} does not match its recorded digest (run: conformance schemas sync)`);
    }
    return new OfficialValidator(cacheDir, index);
  }

  /** Kinds an official file covers. */
  kinds(): OfficialKind[] {
    return OFFICIAL_FILES.flatMap((f) => f.kinds);
  }

  /** The official verdict for a payload kind (`clr.clrSet`) or for one of our schema ids. */
  verdict(kindOrSchemaId: OfficialKind | string, doc: unknown): OfficialVerdict | undefined {
    const kind = (this.kinds() as string[]).includes(kindOrSchemaId) ? (kindOrSchemaId as OfficialKind) : kindForSchemaId(kindOrSchemaId);
    const file = kind ? fileForKind(kind) : undefined;
    if (!kind || !file) return undefined;
    const fn = this.validator(file);
    const valid = fn(doc) as boolean;
    const errors = valid
      ? []
      : (fn.errors ?? []).map((e) => ({ instancePath: e.instancePath, schemaPath: e.schemaPath, keyword: e.keyword, message: e.message ?? e.keyword, params: { ...(e.params as Record<string, unknown>) } }));
    const entry = this.index.files.find((f) => f.path === file.path);
    const notes = [file.syntaxErratum, file.note].filter((n): n is string => Boolean(n));
    return { kind, file: path.basename(file.path), url: entry?.url ?? file.path, valid, errors, notes };
  }

  private validator(file: OfficialFile): ValidateFunction {
    let fn = this.compiled.get(file.path);
    if (!fn) {
      const text = readFileSync(path.join(this.cacheDir, file.path), 'utf8');
      fn = this.ajv[file.family].compile(parseOfficialFile(file, text));
      this.compiled.set(file.path, fn);
    }
    return fn;
  }
}

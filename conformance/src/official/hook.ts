// The run-time hook: for a document our schema check has validated, the official verdict beside ours,
// as an informational check. Differences that a documented erratum explains are named.
import { getRegistry } from '../../../schemas/src/registry.js';
import { explain } from '../../../schemas/crosscheck/errata.js';
import { DEFAULT_CACHE_DIR, type OfficialKind } from './manifest.js';
import { OfficialValidator, type OfficialVerdict } from './validator.js';

/** What the engine records: outcome `pass` when both verdicts agree, `info` when they differ. */
export interface OfficialComparison {
  outcome: 'pass' | 'info';
  message: string;
  evidence: Record<string, unknown>;
}

/** The object a run puts into `RunConfig.officialSchemas`. */
export interface OfficialSchemaHook {
  compare(schemaId: string, doc: unknown, oursValid: boolean): OfficialComparison | undefined;
}

const MAX_ERRORS = 10;
const defaults = new Map<string, OfficialValidator>();

/**
 * The official verdict for a payload kind (`clr.clr`, `obc.manifest`, ...) or one of our schema ids,
 * from the synced cache (default `.cache/official-schemas`). Undefined when no official file covers it.
 */
export function officialVerdict(kind: OfficialKind | string, doc: unknown, options: { validator?: OfficialValidator; cacheDir?: string } = {}): OfficialVerdict | undefined {
  let validator = options.validator;
  if (!validator) {
    const dir = options.cacheDir ?? DEFAULT_CACHE_DIR;
    validator = defaults.get(dir) ?? OfficialValidator.load(dir);
    defaults.set(dir, validator);
  }
  return validator.verdict(kind, doc);
}

const word = (valid: boolean) => (valid ? 'accepts' : 'rejects');

/** Builds the hook over an opened cache. */
export function createOfficialSchemaHook(validator: OfficialValidator): OfficialSchemaHook {
  return {
    compare(schemaId, doc, oursValid) {
      const official = validator.verdict(schemaId, doc);
      if (!official) return undefined;
      const evidence: Record<string, unknown> = {
        schemaId,
        officialFile: official.file,
        officialUrl: official.url,
        ours: word(oursValid),
        official: word(official.valid),
        officialErrors: official.errors.slice(0, MAX_ERRORS),
        ...(official.notes.length ? { notes: official.notes } : {}),
      };
      if (official.valid === oursValid) {
        return { outcome: 'pass', message: `official ${official.file} also ${word(official.valid)} it`, evidence };
      }
      // Same lenient reading as the schema check, so the errata predicates see the errors it saw.
      const ours = getRegistry().validate(schemaId, doc, { unknownProperties: 'allow' });
      const errata = explain({ seed: 'run', mutation: 'run', ourSchema: schemaId, officialSchema: official.file, document: doc, ours, official });
      const first = official.errors[0];
      const why = errata
        ? `explained by schemas/ERRATA.md ${errata.map((e) => `${e.id} ${e.slug}`).join(', ')}`
        : `no erratum explains it${first ? `; official: ${first.instancePath || '/'} ${first.message}` : ''}`;
      return {
        outcome: 'info',
        message: `official ${official.file} ${word(official.valid)} it, ours ${word(oursValid)} it (${why})`,
        evidence: { ...evidence, errata: errata?.map((e) => e.id) ?? [] },
      };
    },
  };
}

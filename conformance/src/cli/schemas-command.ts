// `conformance schemas sync` and the `--official-schemas` option of `conformance run` and `validate`.
import { UsageError } from '../engine/errors.js';
import { DEFAULT_CACHE_DIR } from '../official/manifest.js';
import { SyncError, syncOfficialSchemas } from '../official/sync.js';
import { OfficialCacheError, OfficialValidator } from '../official/validator.js';
import { createOfficialSchemaHook, type OfficialSchemaHook } from '../official/hook.js';

/** Downloads the official files; a failed download is one line on stderr and exit 2, never a stack trace. */
export async function schemasSyncCommand(
  flags: { source?: string; cache?: string },
  say: (line: string) => void,
  sayError: (line: string) => void,
  fetchImpl?: typeof fetch,
): Promise<0 | 2> {
  if (flags.source !== undefined && !/^https?:\/\//i.test(flags.source)) {
    sayError(`conformance: schemas sync: --source must be an http(s) base URL, got ${flags.source}`);
    return 2;
  }
  try {
    await syncOfficialSchemas({ source: flags.source, cacheDir: flags.cache ?? DEFAULT_CACHE_DIR, say, ...(fetchImpl ? { fetchImpl } : {}) });
    return 0;
  } catch (err) {
    if (err instanceof SyncError) {
      sayError(`conformance: schemas sync: ${err.message}`);
      return 2;
    }
    const e = err as NodeJS.ErrnoException;
    sayError(`conformance: schemas sync: cannot write the cache: ${e.code ?? e.message}`);
    return 2;
  }
}

/**
 * The hook for `--official-schemas [dir]` (default cache .cache/official-schemas). A damaged cache is a
 * usage error. A cache never synced is a notice for `run` (its own verdicts still stand) and a usage error
 * for `validate` (`missing: 'error'`): there the comparison is what the flag asks for, and a re-run is cheap.
 */
export function officialSchemasHook(
  option: string | true | undefined,
  say: (line: string) => void,
  options: { missing?: 'notice' | 'error' } = {},
): OfficialSchemaHook | undefined {
  if (option === undefined) return undefined;
  const dir = option === true ? DEFAULT_CACHE_DIR : option;
  if (!OfficialValidator.exists(dir) && options.missing !== 'error') {
    say(`official schemas: no cache at ${dir}, continuing without official verdicts (run: conformance schemas sync)`);
    return undefined;
  }
  try {
    const validator = OfficialValidator.load(dir);
    say(`official schemas: ${validator.index.files.length} files from ${dir} (synced ${validator.index.syncedAt})`);
    return createOfficialSchemaHook(validator);
  } catch (err) {
    if (err instanceof OfficialCacheError) throw new UsageError('official-schemas-cache', err.message);
    throw err;
  }
}

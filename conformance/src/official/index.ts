// Official 1EdTech schemas on demand: manifest, `schemas sync`, the validator and the run-time hook.
export { DEFAULT_CACHE_DIR, OFFICIAL_FILES, PUBLISHER, fileUrl, kindForSchemaId, type OfficialFile, type OfficialKind } from './manifest.js';
export { INDEX_FILE, SyncError, syncOfficialSchemas, type CacheIndex, type SyncOptions } from './sync.js';
export { OfficialCacheError, OfficialValidator, type OfficialVerdict } from './validator.js';
export { createOfficialSchemaHook, officialVerdict, type OfficialComparison, type OfficialSchemaHook } from './hook.js';
export { stripTrailingCommas } from './parse.js';

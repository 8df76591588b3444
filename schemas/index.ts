// Public API of schemas/: the schema registry and the offline JSON-LD tools.
export {
  getRegistry,
  SchemaIds,
  allSchemaIds,
  type SchemaError,
  type SchemaRegistry,
  type ValidateOptions,
  type ValidationResult,
} from './src/registry.js';
export { isDateTimeWithZone, isInt32 } from './src/formats.js';
export { STATUS_TEXTS } from './obc/v2p1/schemas.js';
export {
  CONTEXT_URLS,
  checkJsonLd,
  documentLoader,
  bundledContextUrls,
  RemoteContextRefusedError,
  type JsonLdCheckResult,
} from './src/jsonld.js';
export { clrBinding, describeClrBinding, type ClrBinding, type ClrBindingReport } from './src/clr-binding.js';
export { CLR_CODE_MINOR } from './clr/v1p0/index.js';
export { OB_EXTENSIONS, extensionContextUrls, extensionSchemaId, type ObExtension } from './ob/v2p0/extensions.js';

import { getRegistry } from '../../../../schemas/src/registry.js';
import { EXTENSION_CLASS, OB_EXTENSIONS, expandedTypes, extensionContextUrls, extensionSchemaId, type ObExtension } from '../../../../schemas/ob/v2p0/extensions.js';
import { fail, pass, skip, type Check } from '../../engine/verdict.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

export interface ExtensionNode {
  /** JSON Pointer of the node in the document. */
  pointer: string;
  node: Record<string, unknown>;
  /** The official extension it is, by type or context URL; undefined for another extension. */
  extension?: ObExtension;
}

/** Every object typed `Extension` (or using an official extension's context), anywhere in the document. */
export function extensionNodes(doc: unknown, pointer = ''): ExtensionNode[] {
  const out: ExtensionNode[] = [];
  if (Array.isArray(doc)) doc.forEach((v, i) => out.push(...extensionNodes(v, `${pointer}/${i}`)));
  if (!isObject(doc)) return out;
  const types = asList(doc.type).filter((t): t is string => typeof t === 'string');
  const contexts = asList(doc['@context']).filter((c): c is string => typeof c === 'string');
  const extension = OB_EXTENSIONS.find(
    (e) => types.some((t) => e.types.includes(t) || expandedTypes(e).includes(t)) || contexts.some((c) => extensionContextUrls(e.name).includes(c)),
  );
  if (extension || types.some((t) => EXTENSION_CLASS.includes(t))) out.push({ pointer: pointer || '/', node: doc, ...(extension ? { extension } : {}) });
  for (const [key, value] of Object.entries(doc)) if (key !== '@context') out.push(...extensionNodes(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  return out;
}

/**
 * Every official OB 2.0 extension object matches its extension's schema (ours, written from the
 * extension's definition). Objects of other extensions are named, not judged: their schema is not bundled.
 */
export const ensureExtensionsValid: Check<ExtensionNode[]> = {
  id: 'ensure-extensions-valid',
  title: 'Extension objects match their extension schemas',
  run(nodes) {
    const known = nodes.filter((n) => n.extension);
    const unknown = nodes.filter((n) => !n.extension).map((n) => n.pointer);
    if (known.length === 0) return skip(`no official extension to check (other extensions at ${unknown.join(', ')} have no bundled schema)`, { unknown });
    const failures: { pointer: string; extension: string; errors: string[] }[] = [];
    for (const { pointer, node, extension } of known) {
      const result = getRegistry().validate(extensionSchemaId(extension!.name), node, { unknownProperties: 'allow' });
      if (!result.valid) failures.push({ pointer, extension: extension!.title, errors: result.errors.slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message}`) });
    }
    const names = known.map((n) => `${n.extension!.title} at ${n.pointer}`);
    if (failures.length) {
      const f = failures[0]!;
      return fail(`${f.extension} extension at ${f.pointer} does not match its schema: ${f.errors[0]}${failures.length > 1 ? ` (+${failures.length - 1} more objects)` : ''}`, { failures, unknown });
    }
    return pass(`valid: ${names.join(', ')}${unknown.length ? `; not judged (no bundled schema): ${unknown.join(', ')}` : ''}`, { checked: names, unknown });
  },
};

// Our JSON-LD contexts of the official OB 2.0 extensions, built from the term tables in
// schemas/ob/v2p0/extensions.ts. An extension node's context is added on top of the OB 2.0 one, so it only
// declares the terms the extension adds.
import { EXTENSIONS_NS, OB_EXTENSIONS, extensionContextUrls, type ObExtension } from '../../ob/v2p0/extensions.js';

const OBI = 'https://w3id.org/openbadges#';

export function extensionContext(ext: ObExtension): object {
  return { '@context': { obi: OBI, extensions: EXTENSIONS_NS, ...ext.prefixes, ...ext.terms } };
}

/** URL → context document, for every published URL of every official extension. */
export const obExtensionContexts: ReadonlyMap<string, object> = new Map(
  OB_EXTENSIONS.flatMap((ext) => extensionContextUrls(ext.name).map((url) => [url, extensionContext(ext)] as const)),
);

// Offline JSON-LD: our bundled contexts only, and a safe-mode expansion check that never throws.
import jsonld from 'jsonld';
import { obV2Context } from './contexts/ob-v2.js';
import { obcV2p1Context } from './contexts/obc-v2p1.js';
import { clrV1p0Context } from './contexts/clr-v1p0.js';
import { obExtensionContexts } from './contexts/ob-extensions.js';

export const CONTEXT_URLS = {
  ob20: 'https://w3id.org/openbadges/v2',
  /** Alias the OB 2.0 documents and validators also use. */
  ob20Alt: 'https://openbadgespec.org/v2/context.json',
  obc21: 'https://purl.imsglobal.org/spec/ob/v2p1/context/ob_v2p1.jsonld',
  /** The URL in the SPEC21 manifest example (ERRATA.md E15). */
  obc21Alt: 'https://purl.imsglobal.org/spec/ob/v2p1/ob_v2p1.jsonld',
  clr10: 'https://purl.imsglobal.org/spec/clr/v1p0/context/clr_v1p0.jsonld',
} as const;

const BUNDLED = new Map<string, object>([
  [CONTEXT_URLS.ob20, obV2Context],
  [CONTEXT_URLS.ob20Alt, obV2Context],
  [CONTEXT_URLS.obc21, obcV2p1Context],
  [CONTEXT_URLS.obc21Alt, obcV2p1Context],
  [CONTEXT_URLS.clr10, clrV1p0Context],
  // The official OB 2.0 extensions (our own contexts, written from their definitions).
  ...obExtensionContexts,
]);

/** URLs the loader answers; everything else is refused. */
export const bundledContextUrls = (): string[] => [...BUNDLED.keys()];

export class RemoteContextRefusedError extends Error {
  readonly code = 'jsonld.remote-context-refused';
  constructor(readonly url: string) {
    super(`Remote JSON-LD document refused (offline loader serves only bundled contexts): ${url}`);
    this.name = 'RemoteContextRefusedError';
  }
}

/** jsonld document loader serving bundled contexts from memory, so no verdict depends on the network. */
export async function documentLoader(url: string): Promise<{ contextUrl: null; documentUrl: string; document: object }> {
  const doc = BUNDLED.get(url);
  if (!doc) throw new RemoteContextRefusedError(url);
  return { contextUrl: null, documentUrl: url, document: structuredClone(doc) };
}

export type JsonLdCheckResult = { ok: true; expanded: unknown[] } | { ok: false; code: string; message: string };

// jsonld safe-mode event codes, grouped into our stable error codes.
const EVENT_CODES: Record<string, string> = {
  'invalid property': 'jsonld.undefined-term',
  'relative @id reference': 'jsonld.relative-iri',
  'relative @type reference': 'jsonld.relative-iri',
  'relative @vocab reference': 'jsonld.relative-iri',
};

interface JsonLdErrorShape {
  name?: string;
  message?: string;
  details?: { code?: string; event?: { code?: string; message?: string; details?: Record<string, unknown> }; cause?: unknown };
}

function classify(error: unknown): { code: string; message: string } {
  const e = (error ?? {}) as JsonLdErrorShape;
  const cause = e.details?.cause;
  if (cause instanceof RemoteContextRefusedError) return { code: cause.code, message: cause.message };
  const event = e.details?.event;
  if (event?.code) {
    const where = event.details ? ` ${JSON.stringify(event.details)}` : '';
    return { code: EVENT_CODES[event.code] ?? 'jsonld.unsafe', message: `${event.message ?? event.code}${where}` };
  }
  const detail = e.details?.code ? ` (${e.details.code})` : '';
  return { code: 'jsonld.invalid', message: `${e.message ?? String(error)}${detail}` };
}

/**
 * Expands a document in jsonld's safe mode with the offline loader: undefined terms, relative IRIs and
 * any remote context fail. Returns a verdict instead of throwing.
 */
export async function checkJsonLd(doc: unknown): Promise<JsonLdCheckResult> {
  if (doc === null || typeof doc !== 'object') {
    return { ok: false, code: 'jsonld.not-an-object', message: 'A JSON-LD document must be a JSON object or array.' };
  }
  try {
    const expanded = await jsonld.expand(doc, { documentLoader, safe: true, base: null });
    return { ok: true, expanded };
  } catch (error) {
    return { ok: false, ...classify(error) };
  }
}

import { createFetcher, type Fetcher } from '../../../../verification/src/index.js';
import { ownDocument } from '../clr/own-documents.js';
import type { ProviderContext } from '../context.js';

/**
 * The Fetcher a posted assertion is verified with: our own public documents are answered in process (no
 * request to ourselves); anything else goes to `ctx.remoteDocuments` (the network by default, see
 * ProviderOptions.remoteDocuments), so a foreign hosted assertion is fetched at its id as the rule says.
 */
export function postedAssertionFetcher(ctx: ProviderContext): Fetcher {
  return async (url: string) => {
    const own = ownDocument(ctx, url, null);
    if (!own) return ctx.remoteDocuments(url);
    return { ok: true, url, status: own.status, contentType: 'application/ld+json', body: JSON.stringify(own.body) };
  };
}

/** Loads nothing: every foreign document is `not-allowed`, so foreign assertions end unverifiable (refused). */
export const noRemoteDocuments: Fetcher = createFetcher({ allowNetwork: false });

/** The network, with the verification library's timeout, redirect and size caps. */
export const networkDocuments = (): Fetcher => createFetcher({ allowNetwork: true });

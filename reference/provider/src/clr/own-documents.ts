import { createFetcher, type Fetcher } from '../../../../verification/src/index.js';
import { badgeClass, cryptographicKey, issuerProfile, revocationList } from '../badges/public-documents.js';
import type { ProviderContext } from '../context.js';
import { findBadge } from '../seed/catalog.js';
import { clrKeyDocument, clrRevocationList, endorserProfile, publisherProfile, standalone } from './public-documents.js';

export interface OwnDocument {
  status: number;
  body: Record<string, unknown>;
}

const found = (body: Record<string, unknown>): OwnDocument => ({ status: 200, body });

/** Finds an object of this type and id anywhere inside a seed Clr (hosted endorsements and assertions live there). */
function findEmbedded(node: unknown, type: string, id: string): Record<string, unknown> | null {
  if (Array.isArray(node)) {
    for (const item of node) {
      const hit = findEmbedded(item, type, id);
      if (hit) return hit;
    }
    return null;
  }
  if (typeof node !== 'object' || node === null) return null;
  const obj = node as Record<string, unknown>;
  if (obj.type === type && obj.id === id) return obj;
  return findEmbedded(Object.values(obj), type, id);
}

/**
 * An embedded object hosted under `prefix` + `<clr slug>-<what>`: the seed Clr holding it carries the data.
 * The hosted copy is the full standalone document: its own @context, and an achievement's issuer given as
 * the whole publisher profile where the embedded copy has the short form. Same data, another form.
 */
function embeddedDocument(ctx: ProviderContext, prefix: string, type: string, url: string): OwnDocument {
  const slug = url.slice(prefix.length);
  const clrSlug = slug.slice(0, Math.max(0, slug.lastIndexOf('-')));
  const holder = clrSlug ? ctx.clrs.findSeeded(ctx.urls.clr(clrSlug)) : null;
  const doc = holder ? findEmbedded(holder.json, type, url) : null;
  if (!doc) return { status: 404, body: {} };
  const achievement = doc.achievement as Record<string, unknown> | undefined;
  const full =
    achievement && typeof achievement === 'object' && (achievement.issuer as { id?: unknown } | undefined)?.id === ctx.urls.clrPublisher
      ? { ...doc, achievement: { ...achievement, issuer: publisherProfile(ctx.urls, ctx.key) } }
      : doc;
  return found(standalone(full));
}

/**
 * Our own public documents by URL: the CLR publisher, key, revocation list, endorser, hosted endorsements
 * and assertions, the OB 2.0 issuer documents, and (for `userId`) that user's getClr URLs with their 410
 * for deleted records. Null when the URL is not one of ours.
 */
export function ownDocument(ctx: ProviderContext, url: string, userId: string | null): OwnDocument | null {
  const { urls, key, faults } = ctx;
  const wrongOwner = faults.has('clr-key-wrong-owner');
  if (url === urls.clrPublisher) return found(standalone(publisherProfile(urls, key, wrongOwner)));
  if (url === urls.clrKey(key.kid)) return found(standalone(clrKeyDocument(urls, key, wrongOwner)));
  if (url === urls.clrRevocationList) return found(standalone(clrRevocationList(urls)));
  if (url === urls.clrEndorser) return found(standalone(endorserProfile(urls)));
  if (url.startsWith(urls.clrEndorsement(''))) return embeddedDocument(ctx, urls.clrEndorsement(''), 'Endorsement', url);
  if (url.startsWith(urls.clrAssertion(''))) return embeddedDocument(ctx, urls.clrAssertion(''), 'Assertion', url);
  if (url === urls.issuer) return found(issuerProfile(urls, key));
  if (url === urls.key(key.kid)) return found(cryptographicKey(urls, key));
  if (url === urls.revocationList) return found(revocationList(urls));
  if (url.startsWith(urls.badgeClass(''))) {
    const badge = findBadge(url.slice(urls.badgeClass('').length));
    return badge ? found(badgeClass(urls, badge)) : { status: 404, body: {} };
  }
  if (url.startsWith(urls.hostedAssertionPrefix)) {
    const issued = ctx.assertions.findSeeded(url);
    return issued && !issued.jws ? found(issued.json) : { status: 404, body: {} };
  }
  if (userId !== null && url.startsWith(urls.clrPrefix)) {
    const record = ctx.clrs.find(userId, url);
    if (!record) return { status: 404, body: {} };
    return record.deletedAt === null ? found(record.json) : { status: 410, body: {} };
  }
  return url.startsWith(`${urls.origin}/`) ? { status: 404, body: {} } : null;
}

/**
 * The Fetcher the provider verifies posted CLRs with: our own documents are answered in-process from
 * the store (no request to ourselves); everything else goes to the library's fetcher with the network
 * off, so a foreign document is reported `not-allowed` and the CLR is at most unverifiable, never fetched.
 */
export function ownDocumentsFetcher(ctx: ProviderContext, userId: string): Fetcher {
  const offline = createFetcher({ allowNetwork: false });
  return async (url: string) => {
    const doc = ownDocument(ctx, url, userId);
    if (!doc) return offline(url);
    return { ok: true, url, status: doc.status, contentType: 'application/ld+json', body: JSON.stringify(doc.body) };
  };
}

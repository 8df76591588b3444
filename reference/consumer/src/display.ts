/** What the pages show about a record, gathered once at sync time (badge class and issuer are separate documents). */
import type { Fetcher } from '../../../verification/src/index.js';
import { isObject } from './client/http.js';
import type { ReceivedRecord } from './client/records.js';
import type { RecordDisplay } from './store/records.js';

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 2000) : undefined);

/** An embedded object, or the document an IRI points at (through the restricted fetcher). */
async function resolve(ref: unknown, fetcher: Fetcher): Promise<Record<string, unknown> | null> {
  if (isObject(ref)) return ref;
  if (typeof ref !== 'string' || !/^https?:/i.test(ref)) return null;
  const got = await fetcher(ref);
  if (!got.ok) return null;
  try {
    const doc = JSON.parse(got.body) as unknown;
    return isObject(doc) ? doc : null;
  } catch {
    return null;
  }
}

/** Image URL from a string or an Image object; data URIs are left out (the page CSP refuses them). */
function imageOf(v: unknown): string | undefined {
  const url = isObject(v) ? v.id : v;
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : undefined;
}

export async function gatherDisplay(record: ReceivedRecord, fetcher: Fetcher): Promise<RecordDisplay> {
  const doc = record.document;
  if (record.kind === 'clr') {
    const publisher = isObject(doc.publisher) ? doc.publisher : {};
    const learner = isObject(doc.learner) ? doc.learner : {};
    const count = (Array.isArray(doc.assertions) ? doc.assertions.length : 0) + (Array.isArray(doc.signedAssertions) ? doc.signedAssertions.length : 0);
    return {
      name: text(doc.name) ?? 'Comprehensive Learner Record',
      description: `${count} achievement${count === 1 ? '' : 's'}${text(learner.name) ? ` for ${text(learner.name)}` : ''}`,
      ...optional('image', imageOf(publisher.image)),
      ...optional('issuerName', text(publisher.name)),
      ...optional('issuedOn', text(doc.issuedOn)),
    };
  }
  const badge = await resolve(doc.badge, fetcher);
  const issuer = badge ? await resolve(badge.issuer, fetcher) : null;
  return {
    name: text(badge?.name) ?? 'Badge (details unavailable)',
    ...optional('description', text(badge?.description)),
    ...optional('image', imageOf(doc.image) ?? imageOf(badge?.image)),
    ...optional('issuerName', text(issuer?.name)),
    ...optional('issuedOn', text(doc.issuedOn)),
    ...(badge ? { badgeClass: badge } : {}),
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/** The Badge Connect and CLR 1.0 calls the wallet makes, each returning plain records. */
import { EXTENSION_FIELD, type ConsumerFaults } from '../faults.js';
import { errorDetail, unexpected, type ApiSession } from './api-session.js';
import { isObject, parseJson, ProviderError, type HttpResponse } from './http.js';
import { readAllPages } from './paging.js';
import { OBC_SCOPES } from './scopes.js';

/** One badge or CLR as received: the JSON document, or the compact JWS with its decoded payload. */
export interface ReceivedRecord {
  kind: 'assertion' | 'clr';
  id: string;
  /** `json` when received unsigned, `jws` when received signed (`raw` is then the compact JWS). */
  form: 'json' | 'jws';
  raw: string;
  document: Record<string, unknown>;
}

export interface ListResult {
  records: ReceivedRecord[];
  pages: number;
  /** Entries dropped because they could not be read (bad JWS, no id, repeated id). */
  skipped: number;
}

/** Decodes a compact JWS payload without verifying it (verification is a separate, reported step). */
export function decodeJwsPayload(jws: string): Record<string, unknown> | null {
  const parts = jws.trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const payload = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')) as unknown;
    return isObject(payload) ? payload : null;
  } catch {
    return null;
  }
}

function collect(kind: ReceivedRecord['kind'], plain: unknown, signed: unknown, into: Map<string, ReceivedRecord>): number {
  let skipped = 0;
  for (const doc of Array.isArray(plain) ? plain : []) {
    if (!isObject(doc) || typeof doc.id !== 'string' || into.has(doc.id)) skipped++;
    else into.set(doc.id, { kind, id: doc.id, form: 'json', raw: JSON.stringify(doc), document: doc });
  }
  for (const jws of Array.isArray(signed) ? signed : []) {
    const doc = typeof jws === 'string' ? decodeJwsPayload(jws) : null;
    const id = doc && typeof doc.id === 'string' ? doc.id : null;
    // A signed copy wins over an unsigned one of the same id: it is the verifiable form.
    if (!doc || !id || into.get(id)?.form === 'jws') skipped++;
    else into.set(id, { kind, id, form: 'jws', raw: (jws as string).trim(), document: doc });
  }
  return skipped;
}

function okJson(res: HttpResponse, what: string): Record<string, unknown> {
  if (res.status !== 200) throw unexpected(res, what);
  const body = parseJson(res, `The ${what} response`);
  if (!isObject(body)) throw new ProviderError(`The ${what} response is not a JSON object`);
  return body;
}

/** GET {apiBase}/assertions, every page. */
export async function listAssertions(session: ApiSession, apiBase: string, faults: ConsumerFaults): Promise<ListResult> {
  const found = new Map<string, ReceivedRecord>();
  let skipped = 0;
  const pages = await readAllPages(session, `${apiBase}/assertions`, faults, (res) => {
    const body = okJson(res, 'Reading badges');
    skipped += collect('assertion', body.assertions, body.signedAssertions, found);
  });
  return { records: [...found.values()], pages, skipped };
}

/** GET {apiBase}/clrs, every page (CLR 1.0 ClrSet). */
export async function listClrs(session: ApiSession, apiBase: string, faults: ConsumerFaults): Promise<ListResult> {
  const found = new Map<string, ReceivedRecord>();
  let skipped = 0;
  const accept = 'application/ld+json, application/json';
  const pages = await readAllPages(session, `${apiBase}/clrs`, faults, (res) => {
    const body = okJson(res, 'Reading CLRs');
    skipped += collect('clr', body.clrs, body.signedClrs, found);
  }, accept);
  return { records: [...found.values()], pages, skipped };
}

/** GET {apiBase}/profile: the OB 2.0 Profile inside the envelope. */
export async function getProfile(session: ApiSession, apiBase: string): Promise<Record<string, unknown>> {
  const body = okJson(await session.call('GET', `${apiBase}/profile`), 'Reading the profile');
  if (!isObject(body.profile)) throw new ProviderError('The profile response has no profile');
  return body.profile;
}

/** The Assertion Payload for a record: the signed form when there is one (SPEC21: signed wins). */
export function assertionPayload(record: Pick<ReceivedRecord, 'form' | 'raw' | 'document'>, faults: ConsumerFaults): Record<string, unknown> {
  const payload: Record<string, unknown> = record.form === 'jws' ? { signedAssertion: record.raw } : { assertion: record.document };
  if (faults.has('extension-fields')) payload[EXTENSION_FIELD] = { sentBy: 'reference wallet' };
  return payload;
}

/** POST {apiBase}/assertions; success only for HTTP 200 with status.statusCode 200 (unless ignore-post-error). */
export async function postAssertion(
  session: ApiSession,
  apiBase: string,
  payload: Record<string, unknown>,
  faults: ConsumerFaults,
): Promise<{ accepted: boolean; detail: string }> {
  // The grant may be narrower than asked (RFC 6749 §3.3): never POST with a token that cannot carry it.
  if (!session.tokens.scope.split(' ').includes(OBC_SCOPES.assertionCreate)) {
    return { accepted: false, detail: 'the provider did not grant permission to add badges (assertion.create); nothing was sent' };
  }
  const res = await session.call('POST', `${apiBase}/assertions`, payload);
  let statusCode: unknown;
  try {
    const body = JSON.parse(res.text) as Record<string, unknown>;
    statusCode = isObject(body.status) ? body.status.statusCode : undefined;
  } catch {
    statusCode = undefined;
  }
  const accepted = res.status === 200 && (statusCode === undefined || statusCode === 200);
  if (accepted || faults.has('ignore-post-error')) return { accepted: true, detail: 'the provider accepted the badge' };
  return { accepted: false, detail: `the provider refused the badge: HTTP ${res.status}${errorDetail(res)}` };
}

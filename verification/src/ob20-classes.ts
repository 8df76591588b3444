// OB 2.0 classes given on their own (a BadgeClass, an Issuer profile, a CryptographicKey, a RevocationList):
// the documents they name are loaded (when the fetcher may) and judged, so a class is checked together with
// what a verifier of an assertion would read through it.
import { getRegistry, SchemaIds } from '../../schemas/src/registry.js';
import { idsOf, loadJson, loadRef, type Loaded } from './documents.js';
import type { Fetcher } from './fetcher.js';
import { importKey, ownership } from './keys.js';
import { CODES, fail, isObject, overallStatus, pass, unverifiable, type Json, type StepCode, type VerificationResult, type VerificationStep, type VerifyOptions } from './result.js';

const ISSUER_SCHEMA = SchemaIds.ob20.issuer;

const result = (steps: VerificationStep[], document: Json): VerificationResult => ({ status: overallStatus(steps), method: 'none', steps, document });

/**
 * A document that could not be loaded: the server's fault when it answered (a non-2xx, or a 2xx that is
 * not a JSON object), unverifiable when it was never reached (network refused, timeout).
 */
function unloaded(code: StepCode, what: string, loaded: Extract<Loaded, { ok: false }>): VerificationStep {
  const evidence = { url: loaded.url, status: loaded.status ?? null };
  return loaded.status !== undefined ? fail(code, `${what}: ${loaded.message}`, evidence) : unverifiable(code, `${what} unavailable: ${loaded.message}`, evidence);
}

/** `doc` against a registered schema, as one step. */
function schemaStep(code: StepCode, schemaId: string, doc: Json, what: string, url: string): VerificationStep {
  const { valid, errors } = getRegistry().validate(schemaId, doc, { unknownProperties: 'allow' });
  if (valid) return pass(code, `${what} is valid`, { url });
  const lines = errors.slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message}`);
  return fail(code, `${what} (${url || 'embedded'}) is invalid: ${lines.slice(0, 3).join('; ')}`, { url, errors: lines });
}

/**
 * The issuer a document names, loaded and judged as an issuer profile. An embedded issuer that was not
 * fetched is part of the naming document, whose schema already judges it, so it gets no second verdict.
 */
async function issuerSteps(value: unknown, fetcher: Fetcher): Promise<{ steps: VerificationStep[]; issuer?: Loaded }> {
  if (value === undefined) return { steps: [] };
  const loaded = await loadRef(fetcher, value, 'issuer profile');
  if (!loaded.ok) return { steps: [unloaded(CODES.issuerUnavailable, 'issuer profile', loaded)], issuer: loaded };
  if (loaded.source === 'embedded') return { steps: [pass(CODES.issuerUnavailable, 'embedded issuer profile (its id was not fetched)', { url: loaded.url, source: 'embedded' })], issuer: loaded };
  const steps = [pass(CODES.issuerUnavailable, `fetched ${loaded.url}`, { url: loaded.url, source: 'fetched' })];
  steps.push(schemaStep(CODES.issuerInvalid, ISSUER_SCHEMA, loaded.doc, 'the issuer profile', loaded.url));
  return { steps, issuer: loaded };
}

/** BadgeClass: its issuer profile is loaded and must be a valid issuer (name, url, email). */
export async function verifyBadgeClass(doc: Json, options: VerifyOptions): Promise<VerificationResult> {
  const { steps } = await issuerSteps(doc['issuer'], options.fetcher);
  return result(steps, doc);
}

/**
 * The BadgeClass an assertion names, and its issuer, judged as classes of their own: a fetched BadgeClass
 * against its schema (an embedded one is part of the assertion's schema), the issuer as an issuer profile.
 */
export async function verifyBadgeOf(assertion: Json, options: VerifyOptions): Promise<VerificationResult> {
  const badge = await loadRef(options.fetcher, assertion['badge'], 'badge class');
  if (!badge.ok) return result([unloaded(CODES.badgeUnavailable, 'badge class', badge)], assertion);
  const steps = [pass(CODES.badgeUnavailable, badge.source === 'fetched' ? `fetched ${badge.url}` : 'embedded badge class (its id was not fetched)', { url: badge.url, source: badge.source })];
  if (badge.source === 'fetched') steps.push(schemaStep(CODES.badgeInvalid, SchemaIds.ob20.badgeClass, badge.doc, 'the badge class', badge.url));
  steps.push(...(await issuerSteps(badge.doc['issuer'], options.fetcher)).steps);
  return result(steps, assertion);
}

/** Issuer profile: every listed key must be usable and owned by it; its revocation list must load and be one. */
export async function verifyProfile(doc: Json, options: VerifyOptions): Promise<VerificationResult> {
  const steps: VerificationStep[] = [];
  const keys = doc['publicKey'] === undefined ? [] : Array.isArray(doc['publicKey']) ? doc['publicKey'] : [doc['publicKey']];
  for (const entry of keys) {
    const loaded = await loadRef(options.fetcher, entry, 'public key');
    if (!loaded.ok) {
      steps.push(unloaded(CODES.signedKeyUnavailable, `public key ${loaded.url || JSON.stringify(entry)}`, loaded));
      continue;
    }
    steps.push(pass(CODES.signedKeyUnavailable, `public key ${loaded.url} loaded`, { key: loaded.url }));
    steps.push(...(await keySteps(loaded.doc, loaded.url, doc)));
  }
  const listRef = doc['revocationList'];
  if (listRef !== undefined) {
    const list = typeof listRef === 'string' ? await loadJson(options.fetcher, listRef) : ({ ok: false, url: '', status: 0, message: 'revocationList is not an IRI' } as const);
    if (!list.ok) steps.push(unloaded(CODES.revocationListUnavailable, 'revocation list', list));
    else {
      steps.push(pass(CODES.revocationListUnavailable, `revocation list ${list.url} loaded`, { revocationList: list.url }));
      steps.push(schemaStep(CODES.revocationListInvalid, SchemaIds.ob20.revocationList, list.doc, 'the revocation list', list.url));
    }
  }
  return result(steps, doc);
}

/** A key's PEM must be an RSA public key, and the key must be owned by `issuer` (both directions). */
async function keySteps(key: Json, url: string, issuer: Json | undefined): Promise<VerificationStep[]> {
  const imported = await importKey(key);
  const steps = [imported.ok ? pass(CODES.keyUnusable, 'publicKeyPem is an RSA public key (RS256)', { key: url }) : fail(CODES.keyUnusable, imported.message, { key: url })];
  if (issuer) {
    const own = ownership(key, url, issuer);
    const evidence = { key: url, owner: key['owner'] ?? null, issuer: issuer['id'] ?? null };
    steps.push(own.owned ? pass(CODES.signedKeyNotOwned, 'the key and its owner name each other', evidence) : fail(CODES.signedKeyNotOwned, own.reasons.join('; '), evidence));
  }
  return steps;
}

/** CryptographicKey: usable PEM; its owner profile is loaded and must list it in publicKey. */
export async function verifyCryptographicKey(doc: Json, options: VerifyOptions): Promise<VerificationResult> {
  const url = typeof doc['id'] === 'string' ? doc['id'] : '';
  const steps: VerificationStep[] = [];
  const owner = doc['owner'];
  if (typeof owner !== 'string') {
    steps.push(...(await keySteps(doc, url, undefined)));
    steps.push(fail(CODES.signedKeyNotOwned, 'the key names no owner, so no issuer can be shown to own it', { key: url }));
    return result(steps, doc);
  }
  const issuer = await issuerSteps(owner, options.fetcher);
  steps.push(...issuer.steps);
  const ownerDoc = issuer.issuer?.ok ? issuer.issuer.doc : undefined;
  steps.push(...(await keySteps(doc, url, ownerDoc)));
  if (!ownerDoc) steps.push(unverifiable(CODES.signedKeyNotOwned, `cannot check that ${owner} lists the key: its profile is unavailable`, { key: url, owner }));
  return result(steps, doc);
}

/** RevocationList: its issuer (when named) is loaded and must be a valid issuer that points at this list. */
export async function verifyRevocationList(doc: Json, options: VerifyOptions): Promise<VerificationResult> {
  const issuer = await issuerSteps(doc['issuer'], options.fetcher);
  const steps = [...issuer.steps];
  const loaded = issuer.issuer;
  if (loaded?.ok && typeof doc['id'] === 'string' && isObject(loaded.doc)) {
    const listed = idsOf(loaded.doc['revocationList']);
    steps.push(
      listed.includes(doc['id'])
        ? pass(CODES.revocationListInvalid, 'the issuer names this list as its revocationList', { issuer: loaded.url })
        : fail(CODES.revocationListInvalid, `the issuer's revocationList is ${JSON.stringify(loaded.doc['revocationList'] ?? null)}, not ${doc['id']}`, { issuer: loaded.url }),
    );
  }
  return result(steps, doc);
}

/**
 * Generated signed CLRs and OB 2.0 assertions for the validate tests, signed with fresh RSA keys (jose),
 * and the issuer's documents they refer to, written to a folder served to `validate` with --resolve (or
 * by a local HTTP server for --allow-network).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompactSign, exportSPKI, generateKeyPair } from 'jose';
import { CONTEXT_URLS } from '../../../schemas/src/jsonld.js';
import { buildClr } from '../../src/scenarios/clr/support/fixture-clr.js';

export const ORIGIN = 'https://issuer.example.org';
const PUBLISHER = `${ORIGIN}/publisher`;
const OTHER = `${ORIGIN}/other-profile`;
const GOOD_KEY = `${ORIGIN}/keys/good`;
const STRAY_KEY = `${ORIGIN}/keys/stray`;
const REVOCATIONS = `${ORIGIN}/revocations`;

export interface SignedFixtures {
  /** Folder to pass as --resolve https://issuer.example.org/=<dir>. */
  dir: string;
  resolve: string;
  /** File paths of the compact JWS documents. */
  files: { valid: string; tampered: string; keyNotOwned: string; expired: string; revoked: string };
}

type Json = Record<string, unknown>;

function clr(overrides: Json = {}, assertion: Json = {}): Json {
  const publisher = { type: 'Profile', id: PUBLISHER, name: 'Example Registrar' };
  return {
    '@context': CONTEXT_URLS.clr10,
    type: 'Clr',
    id: `urn:uuid:${randomUUID()}`,
    name: 'Generated signed CLR',
    issuedOn: '2024-05-01T12:00:00Z',
    learner: { type: 'Profile', id: 'urn:example:learner:1', email: 'learner@example.org' },
    publisher,
    verification: { type: 'Signed', creator: GOOD_KEY },
    assertions: [
      {
        type: 'Assertion',
        id: `urn:uuid:${randomUUID()}`,
        recipient: { type: 'email', hashed: false, identity: 'learner@example.org' },
        issuedOn: '2024-04-01T12:00:00Z',
        achievement: { type: 'Achievement', id: `${ORIGIN}/achievements/1`, name: 'Course 1', issuer: publisher },
        ...assertion,
      },
    ],
    ...overrides,
  };
}

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;
const sign = (payload: Json, key: KeyPair['privateKey']) =>
  new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'RS256' }).sign(key);

/** `count` valid signed CLRs (one file each) and the publisher's documents, for throughput figures. */
export async function writeSignedBatch(count: number): Promise<{ resolve: string; files: string[] }> {
  const good = await generateKeyPair('RS256', { extractable: true });
  const { dir, site } = await writeSite(good, await generateKeyPair('RS256', { extractable: true }), `urn:uuid:${randomUUID()}`);
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = join(dir, `clr-${i}.jws`);
    writeFileSync(file, await sign(clr({ name: `Generated signed CLR ${i}` }), good.privateKey));
    files.push(file);
  }
  return { resolve: `${ORIGIN}/=${site}`, files };
}

export async function writeSignedFixtures(): Promise<SignedFixtures> {
  const good = await generateKeyPair('RS256', { extractable: true });
  const stray = await generateKeyPair('RS256', { extractable: true });
  const revokedId = `urn:uuid:${randomUUID()}`;
  const { dir, site } = await writeSite(good, stray, revokedId);
  const valid = await sign(clr(), good.privateKey);
  const [header, , signature] = valid.split('.');
  const forged = Buffer.from(JSON.stringify({ ...clr(), name: 'Tampered after signing' })).toString('base64url');
  const files = {
    valid: join(dir, 'valid.jws'),
    tampered: join(dir, 'tampered.jws'),
    keyNotOwned: join(dir, 'key-not-owned.jws'),
    expired: join(dir, 'expired.jws'),
    revoked: join(dir, 'revoked.jws'),
  };
  writeFileSync(files.valid, valid);
  writeFileSync(files.tampered, `${header}.${forged}.${signature}`);
  writeFileSync(files.keyNotOwned, await sign(clr({ verification: { type: 'Signed', creator: STRAY_KEY } }), stray.privateKey));
  writeFileSync(files.expired, await sign(clr({}, { expires: '2024-04-30T00:00:00Z' }), good.privateKey));
  writeFileSync(files.revoked, await sign(clr({ id: revokedId }), good.privateKey));
  return { dir: site, resolve: `${ORIGIN}/=${site}`, files };
}

/** The publisher's site: its profile, another profile, both keys and the revocation list. */
async function writeSite(good: KeyPair, stray: KeyPair, revokedId: string): Promise<{ dir: string; site: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'lrc-signed-clr-'));
  const site = join(dir, 'site');
  mkdirSync(join(site, 'keys'), { recursive: true });
  const put = (path: string, doc: unknown) => writeFileSync(join(site, path), typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2));
  put('publisher.json', {
    '@context': CONTEXT_URLS.clr10,
    type: 'Profile',
    id: PUBLISHER,
    name: 'Example Registrar',
    publicKey: [{ id: GOOD_KEY }],
    revocationList: REVOCATIONS,
  });
  put('other-profile.json', { '@context': CONTEXT_URLS.clr10, type: 'Profile', id: OTHER, name: 'Someone else', publicKey: [{ id: STRAY_KEY }] });
  put('keys/good.json', { '@context': CONTEXT_URLS.clr10, type: 'CryptographicKey', id: GOOD_KEY, owner: PUBLISHER, publicKeyPem: await exportSPKI(good.publicKey) });
  put('keys/stray.json', { '@context': CONTEXT_URLS.clr10, type: 'CryptographicKey', id: STRAY_KEY, owner: OTHER, publicKeyPem: await exportSPKI(stray.publicKey) });
  put('revocations.json', { '@context': CONTEXT_URLS.clr10, type: 'RevocationList', id: REVOCATIONS, issuer: PUBLISHER, revokedAssertions: [revokedId] });
  return { dir, site };
}

export interface AssertionFixtures {
  /** Folder holding the issuer's documents, laid out by URL path below `base`. */
  site: string;
  /** `--resolve` value mapping `base` onto `site`. */
  resolve: string;
  base: string;
  files: {
    /** Compact JWS of a SignedBadge assertion, and the same with its payload changed after signing. */
    signed: string;
    tampered: string;
    /** A HostedBadge assertion (JSON) whose hosted copy is `${base}assertions/1`. */
    hosted: string;
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * An OB 2.0 issuer under `base` (ending in '/'): profile, badge class, key, revocation list and one hosted
 * assertion, with a signed and a hosted assertion referring to them. Paths have no extension; the files
 * carry `.json`, which both --resolve and the test servers add.
 */
export async function writeSignedAssertionFixtures(base: string = `${ORIGIN}/ob/`): Promise<AssertionFixtures> {
  const pair = await generateKeyPair('RS256', { extractable: true });
  const dir = mkdtempSync(join(tmpdir(), 'lrc-signed-ob-'));
  const site = join(dir, 'site');
  const u = (path: string) => `${base}${path}`;
  const put = (path: string, doc: unknown) => {
    mkdirSync(join(site, path, '..'), { recursive: true });
    writeFileSync(join(site, `${path}.json`), JSON.stringify(doc, null, 2));
  };
  const ob = CONTEXT_URLS.ob20;
  put('issuer', { '@context': ob, type: 'Issuer', id: u('issuer'), name: 'Example Issuer', url: 'https://issuer.example.org', email: 'badges@example.org', publicKey: u('keys/1'), revocationList: u('revocations') });
  put('keys/1', { '@context': ob, type: 'CryptographicKey', id: u('keys/1'), owner: u('issuer'), publicKeyPem: await exportSPKI(pair.publicKey) });
  put('badges/1', { '@context': ob, type: 'BadgeClass', id: u('badges/1'), name: 'Robotics', description: 'Built a robot.', image: 'https://issuer.example.org/badges/1.png', criteria: { narrative: 'Build a robot.' }, issuer: u('issuer') });
  put('revocations', { '@context': ob, type: 'RevocationList', id: u('revocations'), issuer: u('issuer'), revokedAssertions: [`urn:uuid:${randomUUID()}`] });
  const assertion = (id: string, verification: Json): Json => ({
    '@context': ob,
    type: 'Assertion',
    id,
    recipient: { type: 'email', hashed: true, salt: 'pepper', identity: `sha256$${sha256('learner@example.org' + 'pepper')}` },
    badge: u('badges/1'),
    issuedOn: '2024-04-01T12:00:00Z',
    verification,
  });
  const hosted = assertion(u('assertions/1'), { type: 'HostedBadge' });
  put('assertions/1', hosted);
  const signed = await sign(assertion(`urn:uuid:${randomUUID()}`, { type: 'SignedBadge', creator: u('keys/1') }), pair.privateKey);
  const [header, payload, signature] = signed.split('.') as [string, string, string];
  const changed = { ...(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Json), issuedOn: '2024-04-02T12:00:00Z' };
  const files = { signed: join(dir, 'signed.jws'), tampered: join(dir, 'tampered.jws'), hosted: join(dir, 'hosted.json') };
  writeFileSync(files.signed, signed);
  writeFileSync(files.tampered, `${header}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${signature}`);
  writeFileSync(files.hosted, JSON.stringify(hosted, null, 2));
  return { site, resolve: `${base}=${site}`, base, files };
}

/** A ClrSet listing one unsigned Clr, signed as a whole into a compact JWS (a shape CLR 1.0 does not define). */
export async function writeSignedClrSet(change: (set: Json) => Json = (set) => set): Promise<string> {
  const pair = await generateKeyPair('RS256');
  const { '@context': context, ...record } = buildClr('learner@example.org') as Json;
  const set = change({ '@context': context, type: 'ClrSet', clrs: [record] });
  const file = join(mkdtempSync(join(tmpdir(), 'lrc-clr-set-')), 'set.jws');
  writeFileSync(file, await sign(set, pair.privateKey));
  return file;
}

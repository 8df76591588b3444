// One valid issuer and everything it publishes, written to a temp dir; tests derive named mutations from it.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CompactSign, exportSPKI, generateKeyPair } from 'jose';

export const OB_CONTEXT = 'https://w3id.org/openbadges/v2';
export const CLR_CONTEXT = 'https://purl.imsglobal.org/spec/clr/v1p0/context/clr_v1p0.jsonld';
export const LEARNER_EMAIL = 'learner@example.org';
export const SALT = 'pepper';
export const NOW = new Date('2026-06-01T00:00:00Z');
export const hashEmail = (email: string, salt = SALT) => `sha256$${createHash('sha256').update(email + salt).digest('hex')}`;

type Json = Record<string, unknown>;
type SignKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

export interface Keys {
  issuer: { privateKey: SignKey; pem: string };
  foreign: { privateKey: SignKey; pem: string };
}

let keysPromise: Promise<Keys> | undefined;
/** RSA keys are slow to make; one pair for the issuer and one it does not own, shared by all tests. */
export function keys(): Promise<Keys> {
  keysPromise ??= (async () => {
    const make = async () => {
      const pair = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
      return { privateKey: pair.privateKey, pem: await exportSPKI(pair.publicKey) };
    };
    return { issuer: await make(), foreign: await make() };
  })();
  return keysPromise;
}

export async function sign(payload: Json, key: SignKey, alg = 'RS256'): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg }).sign(key);
}

/** Replace the payload of a compact JWS, keeping header and signature (a tampered JWS). */
export function tamper(jws: string, change: (payload: Json) => Json): string {
  const [h, p, s] = jws.split('.') as [string, string, string];
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Json;
  return `${h}.${Buffer.from(JSON.stringify(change(payload))).toString('base64url')}.${s}`;
}

/** Every document of the valid issuer, with ids under `base` (ending in '/'). */
export function documents(base: string, pems: { issuer: string; foreign: string }) {
  const u = (path: string) => `${base}${path}`;
  const host = new URL(base).host;
  const issuer: Json = {
    '@context': OB_CONTEXT,
    type: 'Issuer',
    id: u('issuer.json'),
    name: 'Example Issuer',
    url: base.replace(/\/$/, ''),
    email: 'badges@example.org',
    publicKey: u('keys/1.json'),
    revocationList: u('revocations.json'),
    verification: { type: 'VerificationObject', allowedOrigins: host },
  };
  const key: Json = { '@context': OB_CONTEXT, type: 'CryptographicKey', id: u('keys/1.json'), owner: u('issuer.json'), publicKeyPem: pems.issuer };
  // Claims the issuer as owner, but the issuer does not list it: the two-way link is broken.
  const foreignKey: Json = { '@context': OB_CONTEXT, type: 'CryptographicKey', id: u('keys/foreign.json'), owner: u('issuer.json'), publicKeyPem: pems.foreign };
  const badge: Json = {
    '@context': OB_CONTEXT,
    type: 'BadgeClass',
    id: u('badge.json'),
    name: 'Robotics',
    description: 'Built a robot.',
    image: u('badge.png'),
    criteria: { narrative: 'Build a robot.' },
    issuer: u('issuer.json'),
  };
  const revocations: Json = {
    '@context': OB_CONTEXT,
    type: 'RevocationList',
    id: u('revocations.json'),
    issuer: u('issuer.json'),
    revokedAssertions: ['urn:uuid:3c574c87-b96f-4f06-8eb5-68a29335b60e', { id: u('clrs/revoked'), revocationReason: 'Issued in error.' }],
  };
  const assertion = (id: string, verification: Json, extra: Json = {}): Json => ({
    '@context': OB_CONTEXT,
    type: 'Assertion',
    id,
    recipient: { type: 'email', hashed: true, salt: SALT, identity: hashEmail(LEARNER_EMAIL) },
    badge: u('badge.json'),
    issuedOn: '2026-01-15T10:00:00Z',
    verification,
    ...extra,
  });
  const hosted = assertion(u('assertions/1.json'), { type: 'HostedBadge' });
  const signed = assertion('urn:uuid:a953081a-4bbd-4927-9653-7219bca00e3b', { type: 'SignedBadge', creator: u('keys/1.json') });
  const endorsement = (id: string, verification: Json): Json => ({
    '@context': OB_CONTEXT,
    type: 'Endorsement',
    id,
    issuer: u('issuer.json'),
    issuedOn: '2026-01-20T10:00:00Z',
    claim: { id: u('badge.json'), endorsementComment: 'A well-run robotics programme.' },
    verification,
  });
  const hostedEndorsement = endorsement(u('endorsements/1.json'), { type: 'HostedBadge' });
  const signedEndorsement = endorsement('urn:uuid:0d4e1b22-4f0c-4b57-9b1f-2f6b1c1d0e11', { type: 'SignedBadge', creator: u('keys/1.json') });
  const publisher: Json = {
    id: u('issuer.json'),
    type: 'Profile',
    name: 'Example Issuer',
    email: 'badges@example.org',
    url: base.replace(/\/$/, ''),
    publicKey: u('keys/1.json'),
    revocationList: u('revocations.json'),
    verification: { type: 'Verification', allowedOrigins: [host] },
  };
  const clrAssertion: Json = {
    id: u('clr-assertions/1'),
    type: 'Assertion',
    achievement: { id: u('achievements/1'), type: 'Achievement', name: 'Intro to Robotics', achievementType: 'Course', issuer: publisher },
    issuedOn: '2026-01-10T00:00:00Z',
    recipient: { type: 'email', hashed: true, salt: SALT, identity: hashEmail(LEARNER_EMAIL) },
    results: [],
  };
  const clr = (id: string, verification: Json, extra: Json = {}): Json => ({
    '@context': CLR_CONTEXT,
    id,
    type: 'Clr',
    issuedOn: '2026-02-01T00:00:00Z',
    learner: { id: 'urn:example:learner:1', type: 'Profile', name: 'Lee Learner', email: LEARNER_EMAIL },
    publisher,
    assertions: [clrAssertion],
    verification,
    ...extra,
  });
  return { issuer, key, foreignKey, badge, revocations, hosted, signed, hostedEndorsement, signedEndorsement, publisher, clrAssertion, clr, assertion, endorsement, u };
}
export type Documents = ReturnType<typeof documents>;

/** Write `files` (path → JSON) under a new temp dir; returns the dir. */
export async function writeTree(files: Record<string, unknown>, dir?: string): Promise<string> {
  const root = dir ?? (await mkdtemp(join(tmpdir(), 'verification-')));
  for (const [path, value] of Object.entries(files)) {
    const file = join(root, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  }
  return root;
}

/** The published tree of the valid issuer (what its web server would serve). */
export function publishedTree(d: Documents): Record<string, unknown> {
  return {
    'issuer.json': d.issuer,
    'keys/1.json': d.key,
    'keys/foreign.json': d.foreignKey,
    'badge.json': d.badge,
    'revocations.json': d.revocations,
    'assertions/1.json': d.hosted,
    'endorsements/1.json': d.hostedEndorsement,
  };
}

/**
 * Every OB 2.0 class given to `validate` on its own: a consistent issuer site (profile, key, badge class,
 * revocation list, hosted assertion and endorsement) served with --resolve, one valid document per class
 * and named mutations of it, each failing the check it is about. Then the validator's two warnings:
 * a non-http(s) issuer id, and a redirect (over a real socket).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CompactSign, exportSPKI, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/engine/errors.js';
import { writeSignedAssertionFixtures, type AssertionFixtures } from '../clr/signed-fixtures.js';
import { notPassed, runValidate } from '../clr/support.js';

type Json = Record<string, unknown>;
type Checks = Awaited<ReturnType<typeof runValidate>>['checks'];

let fx: AssertionFixtures;
const u = (path: string) => `${fx.base}${path}`;
const read = (path: string): Json => JSON.parse(readFileSync(join(fx.site, `${path}.json`), 'utf8')) as Json;
/** Writes a document into the issuer's site and returns its file (the file is also its hosted copy). */
const put = (path: string, doc: unknown): string => {
  const file = join(fx.site, `${path}.json`);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
};
const validate = (file: string) => runValidate([file], { resolve: [fx.resolve] });
const failing = (checks: Checks) => checks.filter((c) => c.outcome === 'fail').map((c) => (c.checkId === 'ensure-verification-step' ? c.title.split(': ').pop() : c.checkId));
const passingSteps = (checks: Checks) => checks.filter((c) => c.checkId === 'ensure-verification-step' && c.outcome === 'pass').map((c) => c.title.split(': ').pop());
const without = (doc: Json, key: string): Json => Object.fromEntries(Object.entries(doc).filter(([k]) => k !== key));

beforeAll(async () => {
  fx = await writeSignedAssertionFixtures();
  put('endorsements/1', {
    '@context': 'https://w3id.org/openbadges/v2', type: 'Endorsement', id: u('endorsements/1'), issuer: u('issuer'),
    issuedOn: '2024-04-02T12:00:00Z', claim: { id: u('badges/1'), endorsementComment: 'A sound badge.' }, verification: { type: 'HostedBadge' },
  });
});

interface Case {
  kind: string;
  path: string;
  /** Verification steps the valid document passes. */
  steps: string[];
  /** Named mutations of the valid document: the document (built once the site exists) and the checks it fails. */
  mutations: Record<string, [() => Json, string[]]>;
}

const CASES: Case[] = [
  {
    kind: 'badgeclass', path: 'badges/1', steps: ['issuer.unavailable', 'issuer.invalid'],
    mutations: {
      'no-criteria': [() => without(read('badges/1'), 'criteria'), ['ensure-schema-valid']],
      'issuer-is-a-key': [() => ({ ...read('badges/1'), issuer: u('keys/1') }), ['issuer.invalid']],
      'image-not-an-iri': [() => ({ ...read('badges/1'), image: 'robot.png' }), ['ensure-schema-valid']],
    },
  },
  {
    kind: 'issuer', path: 'issuer', steps: ['signed.key-unavailable', 'key.unusable', 'signed.key-not-owned', 'revocation.list-unavailable', 'revocation.list-invalid'],
    mutations: {
      'no-email': [() => without(read('issuer'), 'email'), ['ensure-schema-valid']],
      'key-is-a-badge-class': [() => ({ ...read('issuer'), publicKey: u('badges/1') }), ['key.unusable', 'signed.key-not-owned']],
      'list-is-a-badge-class': [() => ({ ...read('issuer'), revocationList: u('badges/1') }), ['revocation.list-invalid']],
      'undefined-term': [() => ({ ...read('issuer'), homepage: 'https://issuer.example.org' }), ['ensure-jsonld-valid']],
    },
  },
  {
    kind: 'cryptographic-key', path: 'keys/1', steps: ['issuer.unavailable', 'issuer.invalid', 'key.unusable', 'signed.key-not-owned'],
    mutations: {
      'pem-not-rsa': [() => ({ ...read('keys/1'), publicKeyPem: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n' }), ['key.unusable']],
      'no-owner': [() => without(read('keys/1'), 'owner'), ['signed.key-not-owned']],
      'owner-not-a-profile': [() => ({ ...read('keys/1'), owner: u('badges/1') }), ['issuer.invalid', 'signed.key-not-owned']],
    },
  },
  {
    kind: 'revocation-list', path: 'revocations', steps: ['issuer.unavailable', 'issuer.invalid', 'revocation.list-invalid'],
    mutations: {
      'not-the-issuers-list': [() => ({ ...read('revocations'), id: u('revocations-old') }), ['revocation.list-invalid']],
      'no-revoked-assertions': [() => without(read('revocations'), 'revokedAssertions'), ['ensure-schema-valid']],
      'entry-without-id': [() => ({ ...read('revocations'), revokedAssertions: [{ revocationReason: 'x' }] }), ['ensure-schema-valid']],
    },
  },
  {
    kind: 'endorsement', path: 'endorsements/1', steps: ['hosted.fetch-failed', 'hosted.revoked', 'hosted.mismatch', 'hosted.origin-not-allowed'],
    mutations: {
      'claim-changed': [() => ({ ...read('endorsements/1'), claim: { id: u('badges/1'), endorsementComment: 'Changed.' } }), ['hosted.mismatch']],
      'no-claim': [() => without(read('endorsements/1'), 'claim'), ['ensure-schema-valid', 'schema.invalid', 'hosted.mismatch']],
      'revoked-stub': [
        () => ({ '@context': 'https://w3id.org/openbadges/v2', type: 'Endorsement', id: u('endorsements/1'), revoked: true, revocationReason: 'Issued in error.' }),
        ['ensure-not-revoked'],
      ],
    },
  },
];

let n = 0;
/** The mutated document as a file outside the site (the site keeps the valid hosted copy). */
const mutatedFile = (doc: Json) => {
  const file = join(fx.site, '..', `mutated-${++n}.json`);
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return file;
};

describe.each(CASES)('validate: a $kind on its own', ({ kind, path, steps, mutations }) => {
  it('the valid document passes schema, JSON-LD and the verification of what it names', async () => {
    const { code, checks, events } = await validate(join(fx.site, `${path}.json`));
    expect(notPassed(checks)).toEqual([]);
    expect(code).toBe(0);
    expect(events.find((e) => e.type === 'scenario-start')).toMatchObject({ scenarioId: `validate-1-${kind}` });
    expect(passingSteps(checks)).toEqual(expect.arrayContaining(steps));
    for (const c of checks) expect(c.requirementIds.length, c.title).toBeGreaterThan(0);
  });

  it.each(Object.entries(mutations))('mutation %s fails exactly its checks', async (_name, [build, expected]) => {
    const { code, checks } = await validate(mutatedFile(build()));
    expect(code).toBe(1);
    expect(new Set(failing(checks)), notPassed(checks).join('\n')).toEqual(new Set(expected));
  });
});

describe('validate: a signed Endorsement', () => {
  it('is verified like a signed assertion: signature, key ownership and revocation; a tampered copy fails', async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    // A second issuer on the site, with its own key and revocation list.
    put('keys/2', { ...read('keys/1'), id: u('keys/2'), owner: u('signing-issuer'), publicKeyPem: await exportSPKI(pair.publicKey) });
    put('signing-issuer', { ...read('issuer'), id: u('signing-issuer'), publicKey: u('keys/2'), revocationList: u('signing-revocations') });
    put('signing-revocations', { ...read('revocations'), id: u('signing-revocations'), issuer: u('signing-issuer') });
    const endorsement = {
      '@context': 'https://w3id.org/openbadges/v2', type: 'Endorsement', id: 'urn:uuid:7d1c3c52-3f0e-4b8e-8a0c-5a3b2f1e0d9c', issuer: u('signing-issuer'),
      issuedOn: '2024-04-02T12:00:00Z', claim: { id: u('badges/1'), endorsementComment: 'Sound.' }, verification: { type: 'SignedBadge', creator: u('keys/2') },
    };
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(endorsement))).setProtectedHeader({ alg: 'RS256' }).sign(pair.privateKey);
    const file = join(fx.site, '..', 'endorsement.jws');
    writeFileSync(file, jws);
    const { code, checks, events } = await validate(file);
    expect(notPassed(checks)).toEqual([]);
    expect(code).toBe(0);
    expect(events.find((e) => e.type === 'scenario-start')).toMatchObject({ scenarioId: 'validate-1-endorsement' });
    expect(passingSteps(checks)).toEqual(expect.arrayContaining(['signed.bad-signature', 'signed.key-not-owned', 'revocation.revoked']));
    expect(checks.find((c) => c.title.endsWith('signed.bad-signature'))?.requirementIds).toEqual(['OB20-Endorsement', 'OB20-SignedBadge']);
    const [header, , signature] = jws.split('.');
    const forged = Buffer.from(JSON.stringify({ ...endorsement, claim: { id: u('badges/1'), endorsementComment: 'Forged.' } })).toString('base64url');
    writeFileSync(file, `${header}.${forged}.${signature}`);
    const tampered = await validate(file);
    expect(tampered.code).toBe(1);
    expect(failing(tampered.checks)).toEqual(['signed.bad-signature']);
  });
});

describe('validate: an assertion\'s badge class and issuer', () => {
  it('are fetched and judged as classes: a valid pair passes, a broken BadgeClass fails badge.invalid', async () => {
    const ok = await validate(fx.files.hosted);
    expect(notPassed(ok.checks)).toEqual([]);
    expect(passingSteps(ok.checks)).toEqual(expect.arrayContaining(['badge.unavailable', 'badge.invalid', 'issuer.invalid']));
    expect(ok.checks.find((c) => c.title === 'Assertion badge class: badge.invalid')?.requirementIds).toEqual(['OB20-BadgeClass']);
    put('badges/broken', without(read('badges/1'), 'criteria'));
    const file = put('assertions/broken-badge', { ...read('assertions/1'), id: u('assertions/broken-badge'), badge: u('badges/broken') });
    const { code, checks } = await validate(file);
    expect(code).toBe(1);
    expect(failing(checks)).toEqual(['badge.invalid']);
  });
});

describe('validate: kind and options', () => {
  it('a Profile that does not act as an issuer needs only id and type; the same as an Issuer needs url and email', async () => {
    const profile = { '@context': 'https://w3id.org/openbadges/v2', type: 'Profile', id: u('users/alice'), name: 'Alice' };
    const asProfile = await validate(mutatedFile(profile));
    expect(notPassed(asProfile.checks)).toEqual([]);
    expect(asProfile.checks.find((c) => c.checkId === 'ensure-schema-valid')).toMatchObject({ title: 'Profile matches its schema', requirementIds: ['OB20-Profile'] });
    const asIssuer = await validate(mutatedFile({ ...profile, type: 'Issuer' }));
    expect(asIssuer.code).toBe(1);
    expect(asIssuer.checks.find((c) => c.checkId === 'ensure-schema-valid')).toMatchObject({ outcome: 'fail', requirementIds: ['OB20-Issuer'], message: expect.stringContaining('url') });
  });

  it('--schema-only runs the schema check alone, for every class', async () => {
    for (const path of ['issuer', 'keys/1', 'badges/1', 'revocations', 'endorsements/1']) {
      const { code, checks } = await runValidate([join(fx.site, `${path}.json`)], { schemaOnly: true });
      expect(code, path).toBe(0);
      expect(checks.map((c) => c.checkId), path).toEqual(['ensure-parsed-document', 'ensure-schema-valid']);
    }
  });

  it('--type forces a class: a document without a type is judged as one, and fails on the missing type', async () => {
    const { code, checks, events } = await runValidate([mutatedFile(without(read('badges/1'), 'type'))], { type: 'badgeclass', resolve: [fx.resolve] });
    expect(code).toBe(1);
    expect(events.find((e) => e.type === 'scenario-start')).toMatchObject({ scenarioId: 'validate-1-badgeclass' });
    expect(checks.find((c) => c.checkId === 'ensure-schema-valid')).toMatchObject({ outcome: 'fail', message: expect.stringContaining("'type'") });
  });
});

describe('validate: OB 2.0 extensions', () => {
  const node = { '@context': 'https://w3id.org/openbadges/extensions/exampleExtension/context.json', type: ['Extension', 'extensions:ExampleExtension'], exampleProperty: 'Robots.' };
  /** A hosted assertion carrying `ext` under extensions:exampleExtension (the hosted copy carries it too). */
  const withExtension = (name: string, ext: Json) => {
    const doc = { ...read('assertions/1'), id: u(`assertions/${name}`), 'extensions:exampleExtension': ext };
    return put(`assertions/${name}`, doc);
  };

  it('an assertion using an official extension passes JSON-LD and the extension check', async () => {
    const { code, checks } = await validate(withExtension('ext-ok', node));
    expect(notPassed(checks)).toEqual([]);
    expect(code).toBe(0);
    expect(checks.find((c) => c.checkId === 'ensure-extensions-valid')).toMatchObject({ outcome: 'pass', requirementIds: ['OB20-Extension'], message: expect.stringContaining('Example Extension at /extensions:exampleExtension') });
  });

  it.each([
    ['missing-property', () => without(node, 'exampleProperty'), ['ensure-extensions-valid']],
    ['wrong-value-type', () => ({ ...node, exampleProperty: 42 }), ['ensure-extensions-valid']],
    ['no-extension-class', () => ({ ...node, type: ['extensions:ExampleExtension'] }), ['ensure-extensions-valid']],
    ['undefined-term', () => ({ ...node, colour: 'blue' }), ['ensure-jsonld-valid']],
    ['unknown-extension-context', () => ({ ...node, '@context': 'https://example.org/other/context.json', type: ['Extension', 'extensions:Other'] }), ['ensure-jsonld-valid']],
  ] as const)('mutation %s fails exactly its checks', async (name, build, expected) => {
    const { code, checks } = await validate(withExtension(`ext-${name}`, build() as Json));
    expect(code).toBe(1);
    expect(new Set(failing(checks)), notPassed(checks).join('\n')).toEqual(new Set(expected));
  });

  it('an extension on an embedded BadgeClass or issuer is found and judged too', async () => {
    const issuer = { ...read('issuer'), 'extensions:exampleExtension': without(node, 'exampleProperty') };
    const { checks } = await validate(mutatedFile({ ...read('badges/1'), issuer }));
    expect(checks.find((c) => c.checkId === 'ensure-extensions-valid')).toMatchObject({ outcome: 'fail', message: expect.stringContaining('/issuer/extensions:exampleExtension') });
  });
});

describe('validate: the reference validator\'s warnings', () => {
  it('an issuer id that is not http(s) is a warning, not a failure', async () => {
    const issuer = { ...without(without(read('issuer'), 'publicKey'), 'revocationList'), id: 'urn:uuid:2f5e6a52-7d7b-4e8e-9a55-1f6f5e3c2b10' };
    const { code, checks } = await validate(mutatedFile(issuer));
    expect(code).toBe(0);
    expect(checks.filter((c) => c.outcome !== 'pass').map((c) => [c.checkId, c.outcome, c.requirementIds])).toEqual([['ensure-http-issuer-id', 'warning', ['OB20-ISSUER-HTTP-ID']]]);
  });

  it('a badge class whose embedded issuer has a urn id warns, and an http(s) one passes the check', async () => {
    const embedded = { ...without(without(read('issuer'), 'publicKey'), 'revocationList'), id: 'urn:uuid:2f5e6a52-7d7b-4e8e-9a55-1f6f5e3c2b10' };
    const warned = await validate(mutatedFile({ ...read('badges/1'), issuer: embedded }));
    expect(warned.checks.find((c) => c.checkId === 'ensure-http-issuer-id')?.outcome).toBe('warning');
    const ok = await validate(join(fx.site, 'badges/1.json'));
    expect(ok.checks.find((c) => c.checkId === 'ensure-http-issuer-id')?.outcome).toBe('pass');
  });

  describe('a redirected validation subject (over a real socket)', () => {
    let server: Server;
    let net: AssertionFixtures;
    beforeAll(async () => {
      // /r/<path> answers 302 to /<path>; everything else is served from the site.
      server = createServer((req, res) => {
        const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
        if (path.startsWith('/r/')) return void res.writeHead(302, { location: path.slice(2) }).end();
        if (path === '/badge.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
        try {
          res.writeHead(200, { 'content-type': 'application/ld+json' }).end(readFileSync(join(net.site, `${path}.json`)));
        } catch {
          res.writeHead(404, { 'content-type': 'application/json' }).end('{}');
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      net = await writeSignedAssertionFixtures(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('a document given by a URL that redirects is judged, with a warning naming both URLs', async () => {
      const { code, checks } = await runValidate([`${net.base}r/issuer`], { allowNetwork: true });
      expect(code).toBe(0);
      const warning = checks.find((c) => c.checkId === 'ensure-not-redirected');
      expect(warning).toMatchObject({ outcome: 'warning', requirementIds: ['OB20-NO-REDIRECT'], message: `Issuer profile ${net.base}r/issuer redirected to ${net.base}issuer` });
      expect(checks.filter((c) => c.outcome === 'fail')).toEqual([]);
    });

    it('a hosted assertion whose id redirects to its copy passes verification with the warning', async () => {
      const moved = { ...(JSON.parse(readFileSync(net.files.hosted, 'utf8')) as Json), id: `${net.base}r/assertions/2` };
      writeFileSync(join(net.site, 'assertions/2.json'), JSON.stringify(moved));
      const file = join(net.site, '..', 'moved.json');
      writeFileSync(file, JSON.stringify(moved));
      const { code, checks } = await runValidate([file], { allowNetwork: true });
      expect(code).toBe(0);
      expect(passingSteps(checks)).toEqual(expect.arrayContaining(['hosted.fetch-failed', 'hosted.mismatch', 'hosted.origin-not-allowed']));
      expect(checks.filter((c) => c.outcome !== 'pass').map((c) => [c.checkId, c.outcome, c.message])).toEqual([
        ['ensure-not-redirected', 'warning', `the hosted Assertion ${net.base}r/assertions/2 redirected to ${net.base}assertions/2`],
      ]);
    });

    it('a baked PNG given by URL is a one-line usage error that says to give the file', async () => {
      await expect(runValidate([`${net.base}badge.png`], { allowNetwork: true })).rejects.toSatisfy(
        (e) => e instanceof UsageError && e.code === 'input-unreadable' && /is a PNG image: save it and give the file/.test(e.message),
      );
    });

    it('without a redirect the check passes', async () => {
      const { checks } = await runValidate([`${net.base}issuer`], { allowNetwork: true });
      expect(checks.find((c) => c.checkId === 'ensure-not-redirected')?.outcome).toBe('pass');
    });
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTarget, resolveRunConfig } from '../../src/cli/resolve-config.js';
import { UsageError } from '../../src/engine/errors.js';
import { officialDataFor } from '../../../test/support/environment.js';

const PLANS = ['obc-provider-read', 'obc-provider-write'];
const dir = mkdtempSync(join(tmpdir(), 'lrc-config-'));
function configFile(content: string): string {
  const file = join(dir, `c-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, content);
  return file;
}

function usage(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (err) {
    if (err instanceof UsageError) return err;
    throw err;
  }
  throw new Error('expected a UsageError');
}

describe('parseTarget', () => {
  it('turns an origin into its well-known manifest URL', () => {
    expect(parseTarget('https://badges.example.com')).toEqual({
      manifestUrl: 'https://badges.example.com/.well-known/badgeconnect.json',
      plainHttpLoopback: false,
    });
  });
  it('keeps a manifest URL as given', () => {
    expect(parseTarget('https://badges.example.com/bc/manifest.json').manifestUrl).toBe('https://badges.example.com/bc/manifest.json');
  });
  it('accepts plain http only on loopback, flagged as such', () => {
    expect(parseTarget('http://127.0.0.1:5200').plainHttpLoopback).toBe(true);
    expect(parseTarget('http://localhost:5200/').plainHttpLoopback).toBe(true);
    expect(usage(() => parseTarget('http://badges.example.com')).code).toBe('insecure-target');
  });
  it('refuses relative and non-web URLs', () => {
    expect(usage(() => parseTarget('badges.example.com')).code).toBe('bad-target');
    expect(usage(() => parseTarget('ftp://badges.example.com')).code).toBe('bad-target');
  });
});

describe('resolveRunConfig', () => {
  it('merges defaults, config file and flags, flags winning', () => {
    const file = configFile(
      JSON.stringify({ target: 'https://a.example.com', plans: ['obc-provider-write'], pageSize: 7, authFields: { username: 'u1' }, client: { client_name: 'Mine' } }),
    );
    const c = resolveRunConfig({ config: file, plan: ['obc-provider-read'], authField: ['username=u2', 'password=p=w'] }, PLANS);
    expect(c.plans).toEqual(['obc-provider-read']);
    expect(c.target).toBe('https://a.example.com');
    expect(c.pageSize).toBe(7);
    expect(c.authFields).toEqual({ username: 'u2', password: 'p=w' });
    expect(c.client.client_name).toBe('Mine');
    expect(c.client.software_id).toBe('lrc-conformance-suite');
  });

  it.each([
    ['unknown plan', { target: 'https://a.example.com', plan: ['nope'] }, 'unknown-plan'],
    ['missing plan', { target: 'https://a.example.com' }, 'missing-plan'],
    ['missing target', { plan: ['obc-provider-read'] }, 'missing-target'],
    ['bad page size', { target: 'https://a.example.com', plan: ['obc-provider-read'], pageSize: '0' }, 'bad-number'],
    ['bad auth field', { target: 'https://a.example.com', plan: ['obc-provider-read'], authField: ['nameonly'] }, 'bad-auth-field'],
    ['bad authorize mode', { target: 'https://a.example.com', plan: ['obc-provider-read'], authorize: 'manual' }, 'bad-authorize'],
  ])('refuses %s with a usage error', (_name, flags, code) => {
    expect(usage(() => resolveRunConfig(flags, PLANS)).code).toBe(code);
  });

  it.each([
    ['malformed JSON', '{"target": ', 'config-malformed'],
    ['an array', '[]', 'config-malformed'],
    ['an unknown key', '{"targt": "https://a.example.com"}', 'config-unknown-key'],
    ['a wrong type', '{"pageSize": "5"}', 'config-malformed'],
    ['an unknown client key', '{"client": {"color": "red"}}', 'config-unknown-key'],
    ['empty redirect URIs', '{"client": {"redirect_uris": []}}', 'config-malformed'],
  ])('refuses a config file with %s, naming the file', (_name, content, code) => {
    const file = configFile(content);
    const err = usage(() => resolveRunConfig({ config: file, plan: ['obc-provider-read'], target: 'https://a.example.com' }, PLANS));
    expect(err.code).toBe(code);
    expect(err.message).toContain(file);
  });

  it('names a misspelt plan before asking for a target, even beside a consumer plan', () => {
    expect(usage(() => resolveRunConfig({ plan: ['obc-consumer-read', 'nope'] }, [...PLANS, 'obc-consumer-read']))).toMatchObject({ code: 'unknown-plan', message: expect.stringContaining('unknown plan "nope"') });
  });

  it('refuses a missing config file', () => {
    expect(usage(() => resolveRunConfig({ config: join(dir, 'absent.json') }, PLANS)).code).toBe('config-unreadable');
  });
});

describe('assertions to post (--post-assertion, config "postAssertions")', () => {
  const EXAMPLE = 'ob/v2p0/examples/ob20-examples-01-Assertion-Example.json';
  const official = officialDataFor('The --post-assertion test of the official OB 2.0 example', [EXAMPLE]);
  const OB20_EXAMPLE = official?.file(EXAMPLE) ?? '';
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const jwsOf = (payload: unknown) => `${b64({ alg: 'RS256' })}.${b64(payload)}.c2lnbmF0dXJl`;
  const signedPayload = { type: 'Assertion', id: 'urn:uuid:00000000-0000-4000-8000-000000000001', verification: { type: 'SignedBadge' } };
  const base = { target: 'https://a.example.com', plan: ['obc-provider-write'] };

  it.runIf(official)('takes a bare OB 2.0 Assertion (the spec example), a compact JWS, and an Assertion Payload whose signedAssertion wins', () => {
    const jwsFile = configFile(`${jwsOf(signedPayload)}\n`);
    const both = configFile(JSON.stringify({ assertion: { type: 'Assertion', id: 'https://x.example.org/a/1' }, signedAssertion: jwsOf(signedPayload) }));
    const c = resolveRunConfig({ ...base, postAssertion: [OB20_EXAMPLE, jwsFile, both] }, PLANS);
    expect(c.postAssertions?.map((a) => [a.id, Object.keys(a.payload)])).toEqual([
      ['https://example.org/beths-robotics-badge.json', ['assertion']],
      [signedPayload.id, ['signedAssertion']],
      // OB 2.1: with both present the unsigned one is ignored.
      [signedPayload.id, ['signedAssertion']],
    ]);
    expect(resolveRunConfig(base, PLANS).postAssertions).toBeUndefined();
  });

  it('reads the config file list relative to the config file; flags replace it', () => {
    const sub = mkdtempSync(join(dir, 'sub-'));
    writeFileSync(join(sub, 'mine.json'), JSON.stringify({ assertion: { type: 'Assertion', id: 'https://x.example.org/a/2' } }));
    const file = join(sub, 'config.json');
    writeFileSync(file, JSON.stringify({ target: 'https://a.example.com', plans: ['obc-provider-write'], postAssertions: ['mine.json'] }));
    expect(resolveRunConfig({ config: file }, PLANS).postAssertions?.map((a) => a.id)).toEqual(['https://x.example.org/a/2']);
    const flagged = configFile(JSON.stringify({ assertion: { type: 'Assertion', id: 'https://x.example.org/a/3' } }));
    expect(resolveRunConfig({ config: file, postAssertion: [flagged] }, PLANS).postAssertions?.map((a) => a.id)).toEqual(['https://x.example.org/a/3']);
  });

  it.each([
    ['a missing file', () => join(dir, 'no-such-file.json'), /cannot read the file \(ENOENT\)/],
    ['not JSON', () => configFile('{"assertion": '), /is not valid JSON/],
    ['a JSON array', () => configFile('[]'), /must hold a JSON object/],
    ['an assertion without id', () => configFile('{"assertion": {"type": "Assertion"}}'), /without a string "id"/],
    ['assertion not an object', () => configFile('{"assertion": "https://x.example.org/a/1"}'), /"assertion" that is not an object/],
    ['text that is no JWS', () => configFile('hello world'), /neither JSON nor a compact JWS/],
    ['a JWS whose payload has no id', () => configFile(jwsOf({ type: 'Assertion' })), /payload has no string "id"/],
    ['a BadgeClass given by mistake', () => configFile(JSON.stringify({ type: 'BadgeClass', id: 'https://x.example.org/b' })), /is a BadgeClass, not an Assertion/],
    ['a document without type', () => configFile(JSON.stringify({ assertion: { id: 'https://x.example.org/a/9' } })), /has no "type"/],
    ['a JWS of a Profile', () => configFile(jwsOf({ type: 'Profile', id: 'https://x.example.org/p' })), /is a Profile, not an Assertion/],
  ])('refuses %s with a one-line usage error', (_name, make, message) => {
    const err = usage(() => resolveRunConfig({ ...base, postAssertion: [make()] }, PLANS));
    expect(err.message).toMatch(/^--post-assertion /);
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain('\n');
  });

  it('refuses a config "postAssertions" that is not a list of strings, or naming a bad file', () => {
    expect(usage(() => resolveRunConfig({ config: configFile(JSON.stringify({ ...base, plans: base.plan, plan: undefined, postAssertions: 'a.json' })) }, PLANS)).message).toMatch(/"postAssertions" must be an array of strings/);
    const bad = configFile(JSON.stringify({ target: base.target, plans: base.plan, postAssertions: ['missing.json'] }));
    expect(usage(() => resolveRunConfig({ config: bad }, PLANS)).message).toMatch(/postAssertions .*missing\.json: cannot read the file/);
  });
});

import { describe, expect, it } from 'vitest';
import { SCOPES } from '../../src/actions/types.js';
import { ensureHttpsUrl } from '../../src/checks/oauth/ensure-https-url.js';
import { ensureManifestEntry } from '../../src/checks/oauth/ensure-manifest-entry.js';
import { verdict } from './helpers.js';

const ENTRY = {
  name: 'Example Backpack',
  apiBase: 'https://backpack.example.com/api/ims/ob/v2p1',
  version: 'v2p1',
  scopesOffered: [SCOPES.assertionRead, SCOPES.profileRead],
  registrationUrl: 'https://backpack.example.com/o/register',
  authorizationUrl: 'https://backpack.example.com/o/auth',
  tokenUrl: 'https://backpack.example.com/o/token',
};
const manifest = (entry: Record<string, unknown>, before: Record<string, unknown>[] = []) => ({
  id: 'https://backpack.example.com/.well-known/badgeconnect.json',
  badgeConnectAPI: [...before, entry],
});

const ENTRY_MUTATIONS: Record<string, Record<string, unknown>> = {
  'wrong-version': { ...ENTRY, version: 'v1p0' },
  'api-base-trailing-slash': { ...ENTRY, apiBase: `${ENTRY.apiBase}/` },
  'api-base-other-path': { ...ENTRY, apiBase: 'https://backpack.example.com/api' },
  'missing-profile-scope': { ...ENTRY, scopesOffered: [SCOPES.assertionRead] },
};

describe('ensure-manifest-entry', () => {
  const check = ensureManifestEntry([SCOPES.assertionRead, SCOPES.profileRead]);

  it('passes a v2p1 entry with the right apiBase and scopes, even after a v1p0 entry', () => {
    expect(verdict(check, manifest(ENTRY)).outcome).toBe('pass');
    const later = verdict(check, manifest(ENTRY, [{ ...ENTRY, version: 'v1p0' }]));
    expect(later).toMatchObject({ outcome: 'pass', evidence: { pointer: '/badgeConnectAPI/1' } });
  });

  it.each(Object.entries(ENTRY_MUTATIONS))('fails %s', (_name, entry) => {
    expect(verdict(check, manifest(entry)).outcome).toBe('fail');
  });

  it('fails a document without badgeConnectAPI', () => {
    expect(verdict(check, { id: 'x' })).toMatchObject({ outcome: 'fail', evidence: { versions: [] } });
  });
});

describe('ensure-https-url', () => {
  const strict = ensureHttpsUrl('tokenUrl', { acceptLoopbackHttp: false });
  const local = ensureHttpsUrl('tokenUrl', { acceptLoopbackHttp: true });

  it('passes https', () => {
    expect(verdict(strict, 'https://as.example.com/token').outcome).toBe('pass');
  });

  it('fails http on a public host whatever the run accepts', () => {
    expect(verdict(local, 'http://as.example.com/token').outcome).toBe('fail');
    expect(verdict(strict, 'not a url').outcome).toBe('fail');
  });

  it('skips loopback http only when the run accepts it, and fails it otherwise', () => {
    expect(verdict(local, 'http://127.0.0.1:5100/token').outcome).toBe('skip');
    expect(verdict(local, 'http://localhost:5100/token').outcome).toBe('skip');
    expect(verdict(strict, 'http://127.0.0.1:5100/token')).toMatchObject({ outcome: 'fail' });
  });
});

/** CLR targets: an origin means {origin}/ims/clr/v1p0/discovery; a discovery URL is used as given. */
import { describe, expect, it } from 'vitest';
import { clrDiscoveryUrl } from '../../src/actions/clr/constants.js';
import { clrDiscoveredApi } from '../../src/actions/clr/discovery.js';
import { entryUrlForPlans, isClrDiscoveryUrl, resolveRunConfig } from '../../src/cli/resolve-config.js';

const KNOWN = ['obc-provider-read', 'obc-provider-write', 'clr-provider'];

describe('CLR discovery URL from a target', () => {
  it.each([
    ['https://clr.example.com', 'https://clr.example.com/ims/clr/v1p0/discovery'],
    ['https://clr.example.com/', 'https://clr.example.com/ims/clr/v1p0/discovery'],
    ['https://clr.example.com/ims/clr/v1p0/discovery', 'https://clr.example.com/ims/clr/v1p0/discovery'],
    ['https://clr.example.com/tenant/ims/clr/v1p0/discovery', 'https://clr.example.com/tenant/ims/clr/v1p0/discovery'],
    ['https://clr.example.com/.well-known/badgeconnect.json', 'https://clr.example.com/ims/clr/v1p0/discovery'],
    ['http://127.0.0.1:5200', 'http://127.0.0.1:5200/ims/clr/v1p0/discovery'],
  ])('%s → %s', (target, expected) => {
    expect(clrDiscoveryUrl(target)).toBe(expected);
  });

  it('recognises discovery URLs', () => {
    expect(isClrDiscoveryUrl('https://clr.example.com/ims/clr/v1p0/discovery')).toBe(true);
    expect(isClrDiscoveryUrl('https://clr.example.com/ims/clr/v1p0/discovery/')).toBe(true);
    expect(isClrDiscoveryUrl('https://clr.example.com/')).toBe(false);
    expect(isClrDiscoveryUrl('not a url')).toBe(false);
  });
});

describe('resolveRunConfig with CLR plans', () => {
  it('starts a clr-provider run from the discovery document of an origin', () => {
    const c = resolveRunConfig({ target: 'https://clr.example.com', plan: ['clr-provider'] }, KNOWN);
    expect(c.manifestUrl).toBe('https://clr.example.com/ims/clr/v1p0/discovery');
    expect(c.target).toBe('https://clr.example.com');
  });
  it('keeps a discovery URL target as the entry point', () => {
    const c = resolveRunConfig({ target: 'https://clr.example.com/ims/clr/v1p0/discovery', plan: ['clr-provider'] }, KNOWN);
    expect(c.manifestUrl).toBe('https://clr.example.com/ims/clr/v1p0/discovery');
  });
  it('never takes a CLR discovery URL for a Badge Connect manifest', () => {
    const c = resolveRunConfig({ target: 'https://clr.example.com/ims/clr/v1p0/discovery', plan: ['obc-provider-read', 'clr-provider'] }, KNOWN);
    expect(c.manifestUrl).toBe('https://clr.example.com/.well-known/badgeconnect.json');
  });
  it('leaves Badge Connect targets as they were', () => {
    expect(entryUrlForPlans('https://b.example.com', 'https://b.example.com/.well-known/badgeconnect.json', ['obc-provider-read'])).toBe(
      'https://b.example.com/.well-known/badgeconnect.json',
    );
    expect(resolveRunConfig({ target: 'https://b.example.com/bc/manifest.json', plan: ['obc-provider-read'] }, KNOWN).manifestUrl).toBe(
      'https://b.example.com/bc/manifest.json',
    );
  });
  it('still refuses plain http off loopback for CLR targets', () => {
    expect(() => resolveRunConfig({ target: 'http://clr.example.com', plan: ['clr-provider'] }, KNOWN)).toThrow(/plain http/);
  });
});

describe('DiscoveredApi from a CLR discovery document', () => {
  const doc = {
    authorizationUrl: 'https://auth.example.com/authorize',
    tokenUrl: 'https://auth.example.com/token',
    registrationUrl: 'https://auth.example.com/register',
    scopesOffered: ['https://purl.imsglobal.org/spec/clr/v1p0/scope/readonly', 7],
  };
  it('has apiBase beside discovery, the OAuth endpoints, string scopes and no revocation URL', () => {
    const api = clrDiscoveredApi('https://clr.example.com/ims/clr/v1p0/discovery', doc);
    expect(api).toMatchObject({ apiBase: 'https://clr.example.com/ims/clr/v1p0', version: 'v1p0', tokenUrl: doc.tokenUrl });
    expect(api?.scopesOffered).toEqual(['https://purl.imsglobal.org/spec/clr/v1p0/scope/readonly']);
    expect(api).not.toHaveProperty('tokenRevocationUrl');
  });
  it('is undefined without a token endpoint', () => {
    const { tokenUrl: _t, ...rest } = doc;
    expect(clrDiscoveredApi('https://clr.example.com/ims/clr/v1p0/discovery', rest)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { ensureRefreshRotated } from '../../src/checks/oauth/ensure-refresh-rotated.js';
import { ensureRefreshTokenIssued } from '../../src/checks/oauth/ensure-refresh-token-issued.js';
import { ensureScopeWithin } from '../../src/checks/oauth/ensure-scope-within.js';
import { ensureTokenExpiresIn } from '../../src/checks/oauth/ensure-token-expires-in.js';
import { ensureTokenRejected } from '../../src/checks/oauth/ensure-token-rejected.js';
import { ensureTokenResponse } from '../../src/checks/oauth/ensure-token-response.js';
import { exchangeOf, verdict } from './helpers.js';

const READ = 'https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.readonly';
const PROFILE = 'https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.readonly';
const TOKEN = { access_token: 'at-123456', token_type: 'Bearer', expires_in: 3600, refresh_token: 'rt-123456', scope: `${READ} offline_access` };
const tokenResponse = (changes: Record<string, unknown> = {}, status = 200) =>
  exchangeOf({ status, body: Object.fromEntries(Object.entries({ ...TOKEN, ...changes }).filter(([, v]) => v !== undefined)) });

describe('ensure-token-response', () => {
  const check = ensureTokenResponse([READ, 'offline_access']);
  it('passes a bearer token within the requested scope (any token_type case, scope omitted)', () => {
    expect(verdict(check, tokenResponse()).outcome).toBe('pass');
    expect(verdict(check, tokenResponse({ token_type: 'bearer', scope: undefined })).outcome).toBe('pass');
  });
  it.each([
    ['status-400', tokenResponse({ error: 'invalid_grant' }, 400)],
    ['no-access-token', tokenResponse({ access_token: undefined })],
    ['mac-token-type', tokenResponse({ token_type: 'mac' })],
    ['expires-in-zero', tokenResponse({ expires_in: 0 })],
    ['expires-in-string', tokenResponse({ expires_in: '3600' })],
    ['wider-scope', tokenResponse({ scope: `${READ} ${PROFILE}` })],
  ])('fails %s', (_n, x) => {
    expect(verdict(check, x).outcome).toBe('fail');
  });
});

describe('ensure-token-expires-in', () => {
  it('passes a positive expires_in', () => expect(verdict(ensureTokenExpiresIn, tokenResponse()).outcome).toBe('pass'));
  it('fails a missing or negative one', () => {
    expect(verdict(ensureTokenExpiresIn, tokenResponse({ expires_in: undefined })).outcome).toBe('fail');
    expect(verdict(ensureTokenExpiresIn, tokenResponse({ expires_in: -1 })).outcome).toBe('fail');
  });
});

describe('ensure-refresh-token-issued', () => {
  it('passes with a refresh token', () => expect(verdict(ensureRefreshTokenIssued, tokenResponse()).outcome).toBe('pass'));
  it('fails without one', () => expect(verdict(ensureRefreshTokenIssued, tokenResponse({ refresh_token: undefined })).outcome).toBe('fail'));
});

describe('ensure-scope-within', () => {
  const check = ensureScopeWithin([READ, 'offline_access'], [READ, 'offline_access', PROFILE]);
  it('passes a refusal and a token limited to the allowed scope', () => {
    expect(verdict(check, exchangeOf({ status: 400, body: { error: 'invalid_scope' } })).outcome).toBe('pass');
    expect(verdict(check, tokenResponse()).outcome).toBe('pass');
  });
  it('fails a token with the extra scope, or without scope (granted as asked)', () => {
    expect(verdict(check, tokenResponse({ scope: `${READ} ${PROFILE}` })).outcome).toBe('fail');
    expect(verdict(check, tokenResponse({ scope: undefined })).outcome).toBe('fail');
    expect(verdict(check, exchangeOf({ status: 500, body: 'boom' })).outcome).toBe('fail');
  });
});

describe('ensure-token-rejected', () => {
  const ok = exchangeOf({ status: 200, body: { status: { statusCode: 200 } } });
  const denied = exchangeOf({ status: 401, body: { status: { statusCode: 401 } } });
  it('passes 401 after 200', () => expect(verdict(ensureTokenRejected, { before: ok, after: denied }).outcome).toBe('pass'));
  it('fails 200 after 200', () => expect(verdict(ensureTokenRejected, { before: ok, after: ok }).outcome).toBe('fail'));
  it('skips when the token never worked', () => expect(verdict(ensureTokenRejected, { before: denied, after: denied }).outcome).toBe('skip'));
});

describe('ensure-refresh-rotated', () => {
  const refused = exchangeOf({ status: 400, body: { error: 'invalid_grant' } });
  it('passes a rotation whose old token is refused', () => {
    expect(verdict(ensureRefreshRotated, { rotated: true, reuse: refused }).outcome).toBe('pass');
  });
  it.each([
    ['old-still-works', { rotated: true, reuse: tokenResponse() }],
    ['not-rotated', { rotated: false, reuse: tokenResponse() }],
    ['not-rotated-yet-refused', { rotated: false, reuse: refused }],
    ['wrong-error', { rotated: true, reuse: exchangeOf({ status: 401, body: { error: 'invalid_client' } }) }],
  ])('fails %s', (_n, input) => {
    expect(verdict(ensureRefreshRotated, input).outcome).toBe('fail');
  });
});

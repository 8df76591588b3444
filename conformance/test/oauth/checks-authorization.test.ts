import { describe, expect, it } from 'vitest';
import { ensureAuthorizationGranted } from '../../src/checks/oauth/ensure-authorization-granted.js';
import { ensureAuthorizationRefused } from '../../src/checks/oauth/ensure-authorization-refused.js';
import { ensureErrorPage } from '../../src/checks/oauth/ensure-error-page.js';
import { ensureErrorRedirect } from '../../src/checks/oauth/ensure-error-redirect.js';
import { ensureNotRedirectedTo } from '../../src/checks/oauth/ensure-not-redirected-to.js';
import { ensureStateEchoed } from '../../src/checks/oauth/ensure-state-echoed.js';
import { authorizeResultOf, verdict } from './helpers.js';

const CB = 'https://client.example.com/callback';
const GRANTED = authorizeResultOf({ code: 'code-123456', state: 'st-1', redirectedTo: `${CB}?code=code-123456&state=st-1` });
const ERROR_REDIRECT = authorizeResultOf({ error: 'invalid_request', state: 'st-1', redirectedTo: `${CB}?error=invalid_request&state=st-1` });
const ERROR_PAGE = authorizeResultOf({ outcome: 'error-page', finalStatus: 400, failure: 'error page: status 400' });
const NO_FORM = authorizeResultOf({ outcome: 'no-form', finalStatus: 200, failure: 'page without a form' });
const LOOP = authorizeResultOf({ outcome: 'loop', finalStatus: 200, failure: 'the same form came back' });

describe('ensure-authorization-granted', () => {
  it('passes a redirect with a code', () => expect(verdict(ensureAuthorizationGranted, GRANTED).outcome).toBe('pass'));
  it.each([
    ['error-redirect', ERROR_REDIRECT],
    ['error-page', ERROR_PAGE],
    ['redirect-without-code', authorizeResultOf({ redirectedTo: CB })],
  ])('fails %s', (_n, r) => expect(verdict(ensureAuthorizationGranted, r).outcome).toBe('fail'));
});

describe('ensure-state-echoed', () => {
  const check = ensureStateEchoed('st-1');
  it('passes the same state', () => expect(verdict(check, GRANTED).outcome).toBe('pass'));
  it.each([
    ['state-missing', { ...GRANTED, state: undefined }],
    ['state-changed', { ...GRANTED, state: 'st-2' }],
    ['no-redirect', ERROR_PAGE],
  ])('fails %s', (_n, r) => expect(verdict(check, r).outcome).toBe('fail'));
});

describe('ensure-authorization-refused', () => {
  it.each([
    ['error-redirect', ERROR_REDIRECT],
    ['error-page', ERROR_PAGE],
    ['no-form', NO_FORM],
  ])('passes %s', (_n, r) => expect(verdict(ensureAuthorizationRefused, r).outcome).toBe('pass'));
  it.each([
    ['code-issued', GRANTED],
    ['redirect-without-error', authorizeResultOf({ redirectedTo: CB })],
    ['loop', LOOP],
  ])('fails %s', (_n, r) => expect(verdict(ensureAuthorizationRefused, r).outcome).toBe('fail'));
});

describe('ensure-error-redirect', () => {
  const check = ensureErrorRedirect(['invalid_request']);
  it('passes the expected error on the redirect', () => expect(verdict(check, ERROR_REDIRECT).outcome).toBe('pass'));
  it.each([
    ['other-error', { ...ERROR_REDIRECT, error: 'server_error' }],
    ['error-page', ERROR_PAGE],
    ['code-issued', GRANTED],
  ])('fails %s', (_n, r) => expect(verdict(check, r).outcome).toBe('fail'));
});

describe('ensure-not-redirected-to', () => {
  const unregistered = 'https://client.example.com/unregistered';
  const check = ensureNotRedirectedTo(unregistered);
  it('passes an error page or a redirect elsewhere', () => {
    expect(verdict(check, ERROR_PAGE).outcome).toBe('pass');
    expect(verdict(check, ERROR_REDIRECT).outcome).toBe('pass');
  });
  it('fails a redirect to the unregistered URI, with or without a code', () => {
    expect(verdict(check, { ...GRANTED, redirectedTo: `${unregistered}?code=code-123456` }).outcome).toBe('fail');
    expect(verdict(check, { ...ERROR_REDIRECT, redirectedTo: `${unregistered}?error=access_denied` }).outcome).toBe('fail');
  });
});

describe('ensure-error-page', () => {
  it.each([
    ['error-page', ERROR_PAGE],
    ['no-form', NO_FORM],
  ])('passes %s', (_n, r) => expect(verdict(ensureErrorPage, r).outcome).toBe('pass'));
  it.each([
    ['redirect', ERROR_REDIRECT],
    ['loop', LOOP],
  ])('fails %s', (_n, r) => expect(verdict(ensureErrorPage, r).outcome).toBe('fail'));
});

import { describe, expect, it } from 'vitest';
import { ensureStatusEnvelope } from '../../src/checks/obc/ensure-status-envelope.js';
import { allowedStatusTexts, ensureStatusText } from '../../src/checks/obc/ensure-status-text.js';
import { exchange } from './exchange.js';

const ok = { status: { statusCode: 200, statusText: 'OK', error: null } };
const unauthenticated = { status: { statusCode: 401, statusText: 'UNAUTHENTICATED', error: 'no token' } };

describe('ensure-status-envelope (SPEC21 Response Envelope)', () => {
  it.each([
    ['200 with error null', exchange({ body: ok })],
    ['200 with error absent', exchange({ body: { status: { statusCode: 200, statusText: 'OK' } } })],
    ['401 with an error string', exchange({ status: 401, body: unauthenticated })],
  ])('passes: %s', (_name, x) => {
    expect(ensureStatusEnvelope.run(x)).toMatchObject({ outcome: 'pass' });
  });

  const mutations: [string, ReturnType<typeof exchange>, RegExp][] = [
    ['no status object', exchange({ body: { assertions: [] } }), /no "status"/],
    ['statusCode differs from HTTP', exchange({ status: 400, body: ok }), /"status.statusCode" is 200, expected 400/],
    ['statusCode as a string', exchange({ body: { status: { statusCode: '200', statusText: 'OK' } } }), /statusCode/],
    ['statusText missing', exchange({ body: { status: { statusCode: 200 } } }), /statusText/],
    ['error is a number', exchange({ body: { status: { statusCode: 200, statusText: 'OK', error: 3 } } }), /"status.error" is number/],
    ['body is an array', exchange({ body: [ok] }), /not a JSON object/],
    ['body is HTML', exchange({ status: 404, text: '<h1>Not found</h1>', headers: { 'content-type': 'text/html' } }), /not a JSON object/],
  ];
  it.each(mutations)('fails: %s', (_name, x, message) => {
    const v = ensureStatusEnvelope.run(x);
    expect(v).toMatchObject({ outcome: 'fail' });
    expect((v as { message: string }).message).toMatch(message);
  });
});

describe('ensure-status-text (SPEC21 Responses table)', () => {
  it('knows the per-endpoint 400 values', () => {
    expect(allowedStatusTexts('getAssertions', 400)).toEqual(['REQUEST_VALIDATION_ERROR', 'BAD_REQUEST']);
    expect(allowedStatusTexts('postAssertion', 400)).toContain('INVALID_BADGE');
    expect(allowedStatusTexts('postAssertion', 400)).toContain('RECIPIENT_PROFILE_MISMATCH');
    expect(allowedStatusTexts('getAssertions', 401, 'insufficient-scope')).toEqual(['PERMISSION_DENIED']);
    expect(allowedStatusTexts('getAssertions', 403, 'insufficient-scope')).toEqual(['PERMISSION_DENIED']);
  });

  it.each([
    ['GET /assertions 200 OK', 'getAssertions', undefined, 200, 'OK'],
    ['GET /assertions 400 BAD_REQUEST', 'getAssertions', undefined, 400, 'BAD_REQUEST'],
    ['POST /assertions 400 INVALID_BADGE', 'postAssertion', undefined, 400, 'INVALID_BADGE'],
    ['401 UNAUTHENTICATED without a token', 'getAssertions', 'unauthenticated', 401, 'UNAUTHENTICATED'],
    ['401 PERMISSION_DENIED for scope', 'getAssertions', 'insufficient-scope', 401, 'PERMISSION_DENIED'],
    ['403 PERMISSION_DENIED for scope', 'postAssertion', 'insufficient-scope', 403, 'PERMISSION_DENIED'],
    ['404 NOT_FOUND', 'other', undefined, 404, 'NOT_FOUND'],
    ['405 METHOD_NOT_ALLOWED', 'other', undefined, 405, 'METHOD_NOT_ALLOWED'],
  ] as const)('passes: %s', (_name, endpoint, cause, status, statusText) => {
    const x = exchange({ status, body: { status: { statusCode: status, statusText } } });
    expect(ensureStatusText(endpoint, cause).run(x)).toMatchObject({ outcome: 'pass' });
  });

  it.each([
    ['GET /assertions 400 INVALID_BADGE (POST-only value)', 'getAssertions', undefined, 400, 'INVALID_BADGE'],
    ['401 PERMISSION_DENIED when no token was sent', 'getAssertions', 'unauthenticated', 401, 'PERMISSION_DENIED'],
    ['401 UNAUTHENTICATED for insufficient scope', 'getAssertions', 'insufficient-scope', 401, 'UNAUTHENTICATED'],
    ['404 BAD_REQUEST', 'other', undefined, 404, 'BAD_REQUEST'],
    ['405 NOT_FOUND', 'other', undefined, 405, 'NOT_FOUND'],
    ['200 with an error text', 'postAssertion', undefined, 200, 'BAD_REQUEST'],
    ['statusText missing', 'getProfile', undefined, 200, undefined],
  ] as const)('fails: %s', (_name, endpoint, cause, status, statusText) => {
    const x = exchange({ status, body: { status: { statusCode: status, ...(statusText ? { statusText } : {}) } } });
    expect(ensureStatusText(endpoint, cause).run(x)).toMatchObject({ outcome: 'fail' });
  });

  it('skips a status the table has no row for (500)', () => {
    const x = exchange({ status: 500, body: { status: { statusCode: 500, error: 'boom' } } });
    expect(ensureStatusText('getAssertions').run(x)).toMatchObject({ outcome: 'skip' });
  });
});

/** The checks that judge how a consumer survives an emulator fault, on recorded request sets. */
import { describe, expect, it } from 'vitest';
import { ensureCandidateFinished } from '../../src/checks/consumer/ensure-candidate-finished.js';
import { ensureFailureReported } from '../../src/checks/consumer/ensure-failure-reported.js';
import { ensureRefreshGrantUsed } from '../../src/checks/consumer/ensure-refresh-grant-used.js';
import { ensureRefreshed } from '../../src/checks/consumer/ensure-refreshed.js';
import { ensureStateMismatchRejected } from '../../src/checks/consumer/ensure-state-mismatch-rejected.js';
import { ensureStoppedAfterRevocation } from '../../src/checks/consumer/ensure-stopped-after-revocation.js';
import type { TriggerResult } from '../../src/emulators/trigger.js';
import { append, BASIC, BEARER, goodFlow } from './support/recorded.js';

const PAGE = { route: 'get-assertions' as const, path: '/ims/ob/v2p1/assertions', headers: BEARER };
const REFRESH = { route: 'token' as const, method: 'POST', path: '/oauth/token', headers: { authorization: BASIC, 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=refresh_token&refresh_token=r', meta: { grant: 'refresh_token' } };

describe('ensure-refreshed', () => {
  const base = goodFlow().slice(0, 4);
  const expired = append(base, [{ ...PAGE, status: 401, meta: { fault: 'expired-access-token' } }]);
  it('passes a refresh followed by a successful retry', () => {
    expect(ensureRefreshed.run(append(expired, [REFRESH, PAGE]))).toMatchObject({ outcome: 'pass' });
  });
  it.each([
    ['gave up after the 401', expired],
    ['refresh refused, no new token', append(expired, [{ ...REFRESH, status: 400 }])],
    ['refreshed but never retried', append(expired, [REFRESH])],
    ['retried another endpoint only', append(expired, [REFRESH, { route: 'get-profile', path: '/ims/ob/v2p1/profile', headers: BEARER }])],
    ['no API call at all', base],
  ])('fails: %s', (_n, calls) => expect(ensureRefreshed.run(calls)).toMatchObject({ outcome: 'fail' }));
});

describe('ensure-refresh-grant-used', () => {
  const withRefreshToken = (held: boolean) => {
    const base = goodFlow().slice(0, 4);
    base[3]!.responseBody = JSON.stringify({ access_token: 'a', token_type: 'Bearer', ...(held ? { refresh_token: 'r' } : {}) });
    return append(base, [{ ...PAGE, status: 401, meta: { fault: 'expired-access-token' } }]);
  };
  const SIGN_IN_AGAIN = { ...REFRESH, body: 'grant_type=authorization_code&code=c2', meta: { grant: 'authorization_code' } };
  it('passes a renewal by the refresh grant', () => {
    expect(ensureRefreshGrantUsed.run(append(withRefreshToken(true), [REFRESH, PAGE]))).toMatchObject({ outcome: 'pass' });
  });
  it('fails a new sign-in while a refresh token was held', () => {
    expect(ensureRefreshGrantUsed.run(append(withRefreshToken(true), [SIGN_IN_AGAIN, PAGE]))).toMatchObject({ outcome: 'fail' });
  });
  it('skips a new sign-in when no refresh token was ever issued, and when nothing was renewed', () => {
    expect(ensureRefreshGrantUsed.run(append(withRefreshToken(false), [SIGN_IN_AGAIN, PAGE]))).toMatchObject({ outcome: 'skip' });
    expect(ensureRefreshGrantUsed.run(withRefreshToken(true))).toMatchObject({ outcome: 'skip' });
  });
});

describe('ensure-stopped-after-revocation', () => {
  const check = ensureStoppedAfterRevocation(4);
  const revoked = append(goodFlow().slice(0, 4), [{ ...PAGE, meta: { revokedAfter: true, fault: 'revoked-grant' } }]);
  it('passes a 401, one refused refresh and silence', () => {
    expect(check.run(append(revoked, [{ ...PAGE, status: 401 }, { ...REFRESH, status: 400 }]))).toMatchObject({ outcome: 'pass' });
  });
  it.each([
    ['keeps calling', append(revoked, Array.from({ length: 6 }, () => ({ ...PAGE, status: 401 })))],
    ['never made a successful call', goodFlow().slice(0, 4)],
  ])('fails: %s', (_n, calls) => expect(check.run(calls)).toMatchObject({ outcome: 'fail' }));
});

describe('ensure-state-mismatch-rejected', () => {
  const flow = goodFlow();
  it('passes when the code of the mismatched redirect is never exchanged', () => {
    expect(ensureStateMismatchRejected.run(flow.filter((c) => c.route !== 'token'))).toMatchObject({ outcome: 'pass' });
  });
  it.each([
    ['code exchanged anyway', flow],
    ['never completed an authorization', flow.filter((c) => c.route !== 'authorize')],
  ])('fails: %s', (_n, calls) => expect(ensureStateMismatchRejected.run(calls)).toMatchObject({ outcome: 'fail' }));
});

describe('ensure-failure-reported', () => {
  const ran = (over: Partial<TriggerResult>): TriggerResult => ({ command: 'x', exitCode: 0, signal: null, timedOut: false, stoppedEarly: false, durationMs: 5, lastLines: ['sync complete'], ...over });
  it.each([
    ['non-zero exit', ran({ exitCode: 1 })],
    ['exit 0 but the final line names the failure', ran({ lastLines: ['sync: 3 assertions', 'POST /assertions refused: 400 REQUEST_VALIDATION_ERROR'] })],
    // stderr's last line arrived before stdout's closing line: the merged tail ends in "done", yet the error was said.
    ['exit 0, the error the final line of stderr', ran({ lastLines: ['error: POST refused (400)', 'done'], finalLines: { stdout: 'done', stderr: 'error: POST refused (400)' } })],
  ])('passes: %s', (_n, trigger) => expect(ensureFailureReported.run({ trigger, refused: true })).toMatchObject({ outcome: 'pass' }));
  it.each([
    ['exit 0, success message', ran({})],
    ['exit 0, failure words only before a success line', ran({ lastLines: ['sync: verification: 1 revoked, 1 signature-invalid', 'sync: sent: ok', 'sync: ok'] })],
    ['exit 0, failure words only before the final line of each stream', ran({ lastLines: ['1 revoked', 'ok'], finalLines: { stdout: 'ok', stderr: 'warming up' } })],
    ['still running at the limit', ran({ exitCode: null, timedOut: true })],
  ])('fails: %s', (_n, trigger) => expect(ensureFailureReported.run({ trigger, refused: true })).toMatchObject({ outcome: 'fail' }));
  it('fails when the emulator never refused (nothing to report)', () => {
    expect(ensureFailureReported.run({ trigger: ran({ exitCode: 1 }), refused: false })).toMatchObject({ outcome: 'fail' });
  });
  it('skips without a trigger, since the report cannot be observed', () => {
    expect(ensureFailureReported.run({ refused: true })).toMatchObject({ outcome: 'skip' });
  });
});

describe('ensure-candidate-finished', () => {
  const ran = (over: Partial<TriggerResult>): TriggerResult => ({ command: 'x', exitCode: 1, signal: null, timedOut: false, stoppedEarly: false, durationMs: 5, lastLines: ['refused'], ...over });
  it('passes a command that exited by itself, whatever its code, keeping its output as evidence', () => {
    expect(ensureCandidateFinished.run(ran({}))).toMatchObject({ outcome: 'pass', evidence: { exitCode: 1, lastLines: ['refused'] } });
  });
  it('fails a command still running at the wait limit', () => {
    expect(ensureCandidateFinished.run(ran({ exitCode: null, timedOut: true }))).toMatchObject({ outcome: 'fail' });
  });
  it('skips when stopped on purpose or started by hand', () => {
    expect(ensureCandidateFinished.run(ran({ stoppedEarly: true }))).toMatchObject({ outcome: 'skip' });
    expect(ensureCandidateFinished.run(undefined)).toMatchObject({ outcome: 'skip' });
  });
});

import type { EmulatorCall } from '../../emulators/types.js';
import { byRoute } from './calls.js';
import { fail, pass, skip, type Check } from '../../engine/verdict.js';

/**
 * The new token after the expired one came from the refresh grant. Signing in again also renews access
 * (ensure-refreshed accepts it), but with offline_access granted it asks the user for nothing they owe.
 */
function hasRefreshToken(body: string): boolean {
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    return typeof json.refresh_token === 'string' && json.refresh_token !== '';
  } catch {
    return false;
  }
}

export const ensureRefreshGrantUsed: Check<EmulatorCall[]> = {
  id: 'ensure-refresh-grant-used',
  title: 'the expired access token is renewed with the refresh grant',
  run(calls) {
    const expired = calls.find((c) => c.meta.fault === 'expired-access-token');
    const renewed = expired && byRoute(calls.filter((c) => c.seq > expired.seq), 'token').find((c) => c.status === 200);
    if (!renewed) return skip('no new token was obtained after the 401 (reported by ensure-refreshed)');
    if (renewed.meta.grant === 'refresh_token') return pass(`renewed by the refresh grant (#${renewed.seq})`);
    const held = byRoute(calls.filter((c) => c.seq < expired.seq), 'token').some((c) => c.status === 200 && hasRefreshToken(c.responseBody));
    if (!held) return skip('no refresh token had been issued (no refresh_token grant or offline_access), so a new sign-in was the only way');
    return fail(`renewed by the "${renewed.meta.grant ?? '?'}" grant (#${renewed.seq}), i.e. a new sign-in, although a refresh token was issued`, { grant: renewed.meta.grant ?? null });
  },
};

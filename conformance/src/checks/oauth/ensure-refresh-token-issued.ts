import type { HttpExchange } from '../../engine/http.js';
import { fail, pass, type Check } from '../../engine/verdict.js';

/** The token response carries a refresh token (asked for with offline_access and the refresh_token grant). */
export const ensureRefreshTokenIssued: Check<HttpExchange> = {
  id: 'ensure-refresh-token-issued',
  title: 'token response has a refresh_token',
  run(x) {
    const body = x.json() as { refresh_token?: unknown; scope?: unknown } | undefined;
    if (typeof body?.refresh_token === 'string' && body.refresh_token !== '') return pass('refresh token issued');
    return fail('no "refresh_token" although offline_access was requested by a client registered for refresh_token', {
      scope: body?.scope ?? null,
    });
  },
};

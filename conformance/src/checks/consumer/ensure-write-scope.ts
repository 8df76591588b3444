import type { EmulatorCall, Route } from '../../emulators/types.js';
import { fail, pass, skip, type Check } from '../../engine/verdict.js';
import { byRoute, describe } from './calls.js';

/**
 * Writes are sent only with a token granted the write scope: the token response's `scope` says what was
 * granted, and a POST the emulator refused for insufficient scope shows the candidate did not read it.
 */
export function ensureWriteScope(routes: Route[]): Check<EmulatorCall[]> {
  return {
    id: 'ensure-write-scope',
    title: 'writes only with a token granted the write scope',
    run(calls) {
      const writes = routes.flatMap((r) => byRoute(calls, r));
      if (writes.length === 0) return skip('the candidate sent no write');
      const lacking = writes.filter((c) => c.meta.token === 'insufficient-scope');
      if (lacking.length > 0) {
        return fail(`${describe(lacking[0]!)} was sent with a token that was not granted the write scope (${lacking.length} such write(s)); the token response's scope said so`, { writes: writes.length, lacking: lacking.length });
      }
      return pass(`${writes.length} write(s), each with a token holding the write scope`);
    },
  };
}

/**
 * Under the fault `narrowed-grant` (the grant has no write scope): the candidate obtained its token and
 * then sent no write the token could not carry, i.e. it read the granted `scope` before writing.
 */
export function ensureNoWriteWithoutScope(routes: Route[]): Check<EmulatorCall[]> {
  return {
    id: 'ensure-no-write-without-scope',
    title: 'no write is sent when the write scope was not granted',
    run(calls) {
      const issued = byRoute(calls, 'token').find((c) => c.status === 200 && c.meta.grant === 'authorization_code');
      if (!issued) return fail('the candidate obtained no access token, so what it does with a narrowed grant was never seen');
      const lacking = routes.flatMap((r) => byRoute(calls, r)).filter((c) => c.meta.token === 'insufficient-scope');
      if (lacking.length > 0) {
        return fail(`${describe(lacking[0]!)} was sent although the token response (#${issued.seq}) granted no write scope (${lacking.length} such write(s))`, { lacking: lacking.length });
      }
      return pass(`the grant (#${issued.seq}) had no write scope and the candidate sent no write with it`);
    },
  };
}

import type { EmulatorCall } from '../../emulators/types.js';
import { OFFLINE_ACCESS } from '../../emulators/types.js';
import { fail, pass, type Check } from '../../engine/verdict.js';
import { byRoute, describe, formOf, jsonOf, scopeList } from './calls.js';

/**
 * Registration, authorization and token requests ask only for scopes the provider offers
 * (offline_access, the refresh permission, is always acceptable).
 */
export function ensureScopesOffered(offered: readonly string[]): Check<EmulatorCall[]> {
  const allowed = new Set([...offered, OFFLINE_ACCESS]);
  return {
    id: 'ensure-scopes-offered',
    title: 'only offered scopes are requested',
    run(calls) {
      const asked: { call: EmulatorCall; scopes: string[] }[] = [
        ...byRoute(calls, 'register').map((c) => ({ call: c, scopes: scopeList((jsonOf(c) as Record<string, unknown> | undefined)?.scope as string | undefined) })),
        ...byRoute(calls, 'authorize').map((c) => ({ call: c, scopes: scopeList(c.query.get('scope')) })),
        ...byRoute(calls, 'token').map((c) => ({ call: c, scopes: scopeList(formOf(c).get('scope')) })),
      ];
      if (asked.length === 0) return fail('the candidate asked for no scope at all (no registration, authorization or token request)');
      for (const { call, scopes } of asked) {
        const extra = scopes.filter((s) => !allowed.has(s));
        if (extra.length > 0) return fail(`${describe(call)} asks for scopes not offered: ${extra.join(' ')}`, { notOffered: extra });
      }
      return pass('every requested scope is offered');
    },
  };
}

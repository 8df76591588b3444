import type { EmulatorCall } from '../../emulators/types.js';
import { OFFLINE_ACCESS } from '../../emulators/types.js';
import { fail, pass, type Check } from '../../engine/verdict.js';
import { byRoute, describe, formOf, jsonOf, scopeList } from './calls.js';

/** scopesOffered of the manifest (every badgeConnectAPI entry) or discovery document the candidate was served. */
function servedOffer(calls: EmulatorCall[]): string[] | undefined {
  const served = calls.find((c) => (c.route === 'manifest' || c.route === 'discovery') && c.status === 200);
  const doc = served ? (() => { try { return JSON.parse(served.responseBody) as Record<string, unknown>; } catch { return undefined; } })() : undefined;
  if (!doc) return undefined;
  const holders = Array.isArray(doc.badgeConnectAPI) ? (doc.badgeConnectAPI as Record<string, unknown>[]) : [doc];
  return holders.flatMap((h) => (Array.isArray(h?.scopesOffered) ? h.scopesOffered.filter((s): s is string => typeof s === 'string') : []));
}

/**
 * Registration, authorization and token requests ask only for scopes the provider offers in the document
 * it served (the emulators' default offer when none was read); offline_access, the refresh permission,
 * is always acceptable.
 */
export function ensureScopesOffered(fallback: readonly string[]): Check<EmulatorCall[]> {
  return {
    id: 'ensure-scopes-offered',
    title: 'only offered scopes are requested',
    run(calls) {
      const allowed = new Set([...(servedOffer(calls) ?? fallback), OFFLINE_ACCESS]);
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

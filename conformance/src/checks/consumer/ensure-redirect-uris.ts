import type { EmulatorCall } from '../../emulators/types.js';
import { fail, pass, type Check } from '../../engine/verdict.js';
import { byRoute, isLoopback, jsonOf } from './calls.js';

const URL_FIELDS = ['client_uri', 'logo_uri', 'tos_uri', 'policy_uri'];

/**
 * Registered URLs use https; redirect URIs may instead be plain http on a loopback host (a native or
 * headless client's own listener), and all redirect URIs share one host.
 */
export const ensureRedirectUris: Check<EmulatorCall[]> = {
  id: 'ensure-redirect-uris',
  title: 'registered URLs are https (loopback redirects allowed) and redirect URIs share one host',
  run(calls) {
    const regs = byRoute(calls, 'register');
    if (regs.length === 0) return fail('the candidate never registered a client');
    for (const reg of regs) {
      const body = jsonOf(reg) as Record<string, unknown> | undefined;
      const uris = Array.isArray(body?.redirect_uris) ? body.redirect_uris : [];
      if (uris.length === 0) return fail(`registration #${reg.seq} has no redirect_uris`);
      const hosts = new Set<string>();
      for (const u of uris) {
        let url: URL;
        try { url = new URL(String(u)); } catch { return fail(`registration #${reg.seq}: redirect URI "${String(u)}" is not an absolute URL`); }
        const ok = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
        if (!ok) return fail(`registration #${reg.seq}: redirect URI ${url.href} is neither https nor loopback http`);
        hosts.add(url.hostname);
      }
      if (hosts.size > 1) return fail(`registration #${reg.seq}: redirect URIs use ${hosts.size} hosts (${[...hosts].join(', ')})`);
      for (const field of URL_FIELDS) {
        const v = body?.[field];
        if (typeof v !== 'string') continue;
        let url: URL | undefined;
        try { url = new URL(v); } catch { url = undefined; }
        if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname)))) {
          return fail(`registration #${reg.seq}: ${field} "${v}" is not an https URL`);
        }
      }
    }
    return pass('every registered URL is https or loopback, redirect URIs on one host');
  },
};

import { API_ROUTES, type EmulatorCall, type Route } from '../../emulators/types.js';

/** Helpers the consumer checks share to read recorded requests. */
export const byRoute = (calls: EmulatorCall[], route: Route): EmulatorCall[] => calls.filter((c) => c.route === route);
export const apiCalls = (calls: EmulatorCall[]): EmulatorCall[] => calls.filter((c) => API_ROUTES.has(c.route));

/** `METHOD /path` (#seq) — never the query, which may hold a secret. */
export const describe = (c: EmulatorCall): string => `${c.method} ${c.path} (#${c.seq})`;

export function formOf(c: EmulatorCall): URLSearchParams {
  return new URLSearchParams(c.body);
}

export function jsonOf(c: EmulatorCall): unknown {
  try {
    return JSON.parse(c.body);
  } catch {
    return undefined;
  }
}

export const scopeList = (value: string | null | undefined): string[] => (value ?? '').split(' ').filter(Boolean);

export const isLoopback = (host: string): boolean => /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i.test(host);

/** Token-endpoint calls of the authorization code grant. */
export const codeExchanges = (calls: EmulatorCall[]): EmulatorCall[] =>
  byRoute(calls, 'token').filter((c) => formOf(c).get('grant_type') === 'authorization_code');

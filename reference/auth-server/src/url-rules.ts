import { isIP } from 'node:net';

/** Loopback hosts: http is acceptable there because traffic never leaves the machine (RFC 8252 §8.3). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return false;
}

export type UrlProblem = 'not-absolute' | 'scheme' | 'insecure' | 'credentials' | 'fragment';

export interface UrlCheckOptions {
  allowFragment: boolean;
  /** Fault `registration-accepts-insecure-urls`: http accepted for every host. */
  allowInsecure: boolean;
}

/** Parses and checks one metadata URL; returns the URL or the reason it is refused. */
export function checkUrl(value: string, options: UrlCheckOptions): { url: URL } | { problem: UrlProblem } {
  // The registered string is compared byte for byte later; whitespace the URL parser would trim or encode is refused.
  if (/[\s\x00-\x1f\x7f]/.test(value)) return { problem: 'not-absolute' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: 'not-absolute' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: 'scheme' };
  if (url.protocol === 'http:' && !options.allowInsecure && !isLoopbackHost(url.hostname)) return { problem: 'insecure' };
  if (url.username || url.password) return { problem: 'credentials' };
  // `new URL('https://x/#')` drops an empty fragment from .hash, so look at the raw string too.
  if (!options.allowFragment && (url.hash !== '' || value.includes('#'))) return { problem: 'fragment' };
  return { url };
}

export const URL_PROBLEM_TEXT: Record<UrlProblem, string> = {
  'not-absolute': 'is not an absolute URL',
  scheme: 'must use https',
  insecure: 'must use https (http is allowed only for loopback hosts)',
  credentials: 'must not contain user information',
  fragment: 'must not contain a fragment',
};

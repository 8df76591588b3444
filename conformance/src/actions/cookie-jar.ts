import { isLoopbackHost } from '../engine/config.js';

interface Cookie {
  name: string;
  value: string;
  /** Host the cookie was set by, or the Domain attribute (then sub-domains match too). */
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  expires?: number;
}

/**
 * Just enough of a browser cookie store (RFC 6265) to carry a sign-in session through an authorization:
 * host/domain and path matching, Max-Age/Expires, deletion, and Secure (loopback counts as secure, as in
 * browsers, so local http servers work).
 */
export class CookieJar {
  private cookies: Cookie[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Stores the Set-Cookie headers of a response to `url`. */
  store(url: string, setCookies: readonly string[]): void {
    const u = new URL(url);
    for (const header of setCookies) {
      const cookie = parseSetCookie(header, u, this.now());
      if (!cookie) continue;
      this.cookies = this.cookies.filter(
        (c) => !(c.name === cookie.name && c.domain === cookie.domain && c.path === cookie.path),
      );
      if (cookie.expires === undefined || cookie.expires > this.now()) this.cookies.push(cookie);
    }
  }

  /** The Cookie header value for a request to `url`, or undefined when no cookie applies. */
  header(url: string): string | undefined {
    const u = new URL(url);
    const host = u.hostname.toLowerCase();
    const secureOk = u.protocol === 'https:' || isLoopbackHost(u.hostname);
    const now = this.now();
    const matching = this.cookies.filter(
      (c) =>
        (c.expires === undefined || c.expires > now) &&
        (c.hostOnly ? host === c.domain : host === c.domain || host.endsWith(`.${c.domain}`)) &&
        pathMatches(u.pathname, c.path) &&
        (!c.secure || secureOk),
    );
    // Longer paths first (RFC 6265 §5.4).
    matching.sort((a, b) => b.path.length - a.path.length);
    return matching.length ? matching.map((c) => `${c.name}=${c.value}`).join('; ') : undefined;
  }
}

function parseSetCookie(header: string, url: URL, now: number): Cookie | undefined {
  const [pair, ...attrs] = header.split(';');
  const eq = (pair ?? '').indexOf('=');
  if (eq <= 0) return undefined;
  const cookie: Cookie = {
    name: pair!.slice(0, eq).trim(),
    value: pair!.slice(eq + 1).trim(),
    domain: url.hostname.toLowerCase(),
    hostOnly: true,
    path: defaultPath(url.pathname),
    secure: false,
  };
  let maxAge: number | undefined;
  for (const attr of attrs) {
    const i = attr.indexOf('=');
    const key = (i < 0 ? attr : attr.slice(0, i)).trim().toLowerCase();
    const val = i < 0 ? '' : attr.slice(i + 1).trim();
    if (key === 'path' && val.startsWith('/')) cookie.path = val;
    else if (key === 'domain' && val) {
      cookie.domain = val.replace(/^\./, '').toLowerCase();
      cookie.hostOnly = false;
    } else if (key === 'secure') cookie.secure = true;
    else if (key === 'max-age' && /^-?\d+$/.test(val)) maxAge = Number(val);
    else if (key === 'expires') {
      const t = Date.parse(val);
      if (!Number.isNaN(t)) cookie.expires = t;
    }
  }
  if (maxAge !== undefined) cookie.expires = maxAge <= 0 ? 0 : now + maxAge * 1000;
  return cookie;
}

function defaultPath(pathname: string): string {
  const i = pathname.lastIndexOf('/');
  return i <= 0 ? '/' : pathname.slice(0, i);
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

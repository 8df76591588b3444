/** A tiny cookie-keeping HTTP client for driving the wallet's pages without a browser. */
import { parse } from 'node-html-parser';

export class PageClient {
  private cookies = new Map<string, string>();
  constructor(readonly origin: string) {}

  async request(path: string, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}) {
    const url = path.startsWith('http') ? path : `${this.origin}${path}`;
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (this.cookies.size && url.startsWith(this.origin)) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const res = await fetch(url, { method: init.method ?? (init.form ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    if (url.startsWith(this.origin)) {
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const eq = pair!.indexOf('=');
        const value = pair!.slice(eq + 1);
        if (/Max-Age=0/i.test(c)) this.cookies.delete(pair!.slice(0, eq));
        else this.cookies.set(pair!.slice(0, eq), value);
      }
    }
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, html: parse(text), location: res.headers.get('location') };
  }

  /** The hidden csrf field of the first form on a page. */
  static csrf(html: ReturnType<typeof parse>): string {
    return html.querySelector('input[name=csrf]')?.getAttribute('value') ?? '';
  }

  async signIn(username: string, password: string) {
    const page = await this.request('/');
    return this.request('/login', { form: { csrf: PageClient.csrf(page.html), username, password } });
  }
}

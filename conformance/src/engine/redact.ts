/**
 * Removes secrets from anything that is recorded. Two layers: names that always hold secrets
 * (headers, JSON keys, form and query parameters), and the exact values the run has learnt are secret
 * (client secrets, tokens, codes, passwords), replaced wherever they appear, even inside HTML.
 */
export const REDACTED = '[redacted]';

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
const SECRET_KEYS = new Set([
  'client_secret',
  'access_token',
  'refresh_token',
  'id_token',
  'code',
  'code_verifier',
  'password',
  'token',
  'registration_access_token',
  'csrf',
  'transaction',
]);

export class Redactor {
  private readonly values = new Set<string>();

  /** Registers a value that must never appear in a record. Short values are ignored to avoid mangling text. */
  addSecret(value: string | undefined | null): void {
    if (typeof value === 'string' && value.length >= 6) this.values.add(value);
  }

  text(input: string): string {
    let out = input;
    for (const v of this.values) if (out.includes(v)) out = out.split(v).join(REDACTED);
    return out;
  }

  headers(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers)) {
      const name = k.toLowerCase();
      if (name === 'authorization' || name === 'proxy-authorization') this.addSecret(v.split(' ')[1]);
      if (SECRET_HEADERS.has(name)) out[name] = redactHeaderValue(name, v);
      else if (name === 'location') out[name] = this.url(v);
      else out[name] = this.text(v);
    }
    return out;
  }

  url(input: string): string {
    try {
      const u = new URL(input);
      for (const key of [...u.searchParams.keys()]) {
        if (SECRET_KEYS.has(key)) {
          this.addSecret(u.searchParams.get(key));
          u.searchParams.set(key, REDACTED);
        }
      }
      return this.text(u.toString());
    } catch {
      return this.text(input);
    }
  }

  /** Replaces secret-named values in parsed JSON, learning each value so it is scrubbed elsewhere too. */
  json(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.json(v));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        if (SECRET_KEYS.has(k) && typeof v === 'string') {
          this.addSecret(v);
          out[k] = REDACTED;
        } else out[k] = this.json(v);
      }
      return out;
    }
    return value;
  }

  /** Redacts a body given its content type: JSON keys, form parameters, then known values. */
  body(body: string, contentType: string | undefined): string {
    const type = (contentType ?? '').toLowerCase();
    if (type.includes('json')) {
      try {
        return this.text(JSON.stringify(this.json(JSON.parse(body))));
      } catch {
        return this.text(body);
      }
    }
    if (type.includes('application/x-www-form-urlencoded')) {
      const params = new URLSearchParams(body);
      for (const key of [...params.keys()]) {
        if (SECRET_KEYS.has(key)) {
          this.addSecret(params.get(key));
          params.set(key, REDACTED);
        }
      }
      return this.text(params.toString());
    }
    return this.text(body);
  }
}

function redactHeaderValue(name: string, value: string): string {
  if (name === 'authorization' || name === 'proxy-authorization') {
    const scheme = value.split(' ')[0] ?? '';
    return `${scheme} ${REDACTED}`;
  }
  // Cookies: keep the names so the exchange stays readable.
  return value
    .split(name === 'cookie' ? ';' : /,(?=\s*[^;,=\s]+=)/)
    .map((part) => {
      const [pair, ...attrs] = part.split(';');
      const eq = (pair ?? '').indexOf('=');
      const cookieName = eq >= 0 ? (pair ?? '').slice(0, eq).trim() : (pair ?? '').trim();
      return [`${cookieName}=${REDACTED}`, ...attrs.map((a) => a.trim())].join('; ');
    })
    .join(name === 'cookie' ? '; ' : ', ');
}


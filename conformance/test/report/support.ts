import { runCli } from '../support/cli.js';
/** Helpers for the report tests that run the suite: the CLI as a child process, and a wire tap for secrets. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = join(ROOT, 'conformance/src/cli.ts');

/** The CLI in a child process (the shared runner). */
export const cli = (args: string[]) => runCli(args);

/** Every file under dir, recursively, as paths relative to it. */
export function allFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix)).flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(join(dir, rel)).isDirectory() ? allFiles(dir, rel) : [rel];
  });
}

const SECRET_FIELDS = new Set(['client_secret', 'access_token', 'refresh_token', 'id_token', 'code', 'code_verifier', 'password', 'token', 'registration_access_token']);

export type SecretKind = 'password' | 'client_secret' | 'access_token' | 'refresh_token' | 'code' | 'other';

/**
 * Wraps global fetch (the suite's only HTTP path) and records, from the raw wire, every secret the run
 * sent or received: credentials, tokens, codes, PKCE verifiers and cookies. Independent of the
 * suite's Redactor, so a value the Redactor never learnt is still found.
 */
export function tapSecrets(): { values: Map<string, SecretKind>; restore(): void } {
  const values = new Map<string, SecretKind>();
  const add = (v: unknown, kind: SecretKind) => {
    if (typeof v === 'string' && v.length >= 6 && !v.includes('[redacted]') && !values.has(v)) values.set(v, kind);
  };
  const kindOf = (field: string): SecretKind =>
    field === 'password' || field === 'client_secret' || field === 'access_token' || field === 'refresh_token' || field === 'code' ? field : 'other';
  const fromJson = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(fromJson);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) (SECRET_FIELDS.has(k) ? add(v, kindOf(k)) : fromJson(v));
    }
  };
  const fromParams = (params: URLSearchParams) => {
    for (const [k, v] of params) if (SECRET_FIELDS.has(k)) add(v, kindOf(k));
  };
  const fromBody = (body: string) => {
    try {
      fromJson(JSON.parse(body));
    } catch {
      fromParams(new URLSearchParams(body));
    }
  };
  const fromAuthorization = (value: string | null) => {
    const [scheme, credential] = (value ?? '').split(' ');
    if (!credential) return;
    if (scheme?.toLowerCase() === 'basic') {
      add(credential, 'other');
      const decoded = Buffer.from(credential, 'base64').toString('utf8');
      add(decodeURIComponent(decoded.slice(decoded.indexOf(':') + 1)), 'client_secret');
    } else add(credential, 'access_token');
  };
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    fromParams(url.searchParams);
    fromAuthorization(new Headers(init?.headers).get('authorization'));
    const cookie = new Headers(init?.headers).get('cookie');
    for (const part of cookie?.split(';') ?? []) add(part.split('=').slice(1).join('=').trim(), 'other');
    if (typeof init?.body === 'string') fromBody(init.body);
    const res = await original(input, init);
    const location = res.headers.get('location');
    if (location) fromParams(new URL(location, url).searchParams);
    for (const c of res.headers.getSetCookie()) add(c.split(';')[0]?.split('=').slice(1).join('='), 'other');
    fromBody(await res.clone().text());
    return res;
  };
  return { values, restore: () => void (globalThis.fetch = original) };
}

/** The forms a secret could take in an artifact: as is, URL-encoded, and inside a JSON string. */
export function encodings(value: string): string[] {
  return [...new Set([value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)])];
}

export function readText(dir: string, rel: string): string {
  return readFileSync(join(dir, rel), 'utf8');
}

import type { ScenarioContext } from '../engine/context.js';
import type { HttpExchange } from '../engine/http.js';
import { UsageError } from '../engine/errors.js';
import { CookieJar } from './cookie-jar.js';
import { fillForm, type FormSubmission } from './fill-form.js';

export const MAX_REDIRECTS = 10;
/** Pages (forms) one authorization may go through: sign-in, consent, and a few more. */
export const MAX_FORMS = 6;

/**
 * Authorization request parameters (OB 2.1 §Obtaining Tokens). A value of `undefined` drops the parameter,
 * so negative scenarios can leave one out or change it.
 */
export type AuthorizationParams = Record<string, string | undefined>;

export function buildAuthorizationUrl(authorizationUrl: string, params: AuthorizationParams): string {
  const url = new URL(authorizationUrl);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}

export interface AuthorizeRequest {
  authorizationUrl: string;
  params: AuthorizationParams;
  /** Where the flow ends: a Location on any of these (same origin and path) is never fetched. */
  redirectUris: string[];
}

export type AuthorizeOutcome = 'redirected' | 'error-page' | 'no-form' | 'loop' | 'transport-error';

export interface AuthorizeResult {
  outcome: AuthorizeOutcome;
  code?: string;
  state?: string;
  error?: string;
  errorDescription?: string;
  iss?: string;
  /** The Location that ended the flow (outcome 'redirected'). */
  redirectedTo?: string;
  /** The last URL requested, or the redirect target. */
  finalUrl: string;
  /** Status of the last response. */
  finalStatus: number;
  /** Why the flow stopped short of a redirect, in one line. */
  failure?: string;
  exchanges: HttpExchange[];
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * `--authorize auto`: acts as the user's browser. Follows redirects by hand (each one recorded), keeps
 * cookies, submits the first form of every page with the configured auth fields, and stops as soon as
 * a Location points at a redirect URI, which is never fetched.
 */
export async function authorize(ctx: ScenarioContext, req: AuthorizeRequest): Promise<AuthorizeResult> {
  const jar = new CookieJar();
  const exchanges: HttpExchange[] = [];
  const seen = new Set<string>();
  let next: { method: string; url: string; body?: string } = {
    method: 'GET',
    url: buildAuthorizationUrl(req.authorizationUrl, req.params),
  };
  let redirects = 0;
  let forms = 0;
  /** The form just submitted: its signature, and the auth fields it carried (to hint at bad credentials). */
  let lastForm: { signature: string; filled: string[]; page: string; submission: FormSubmission } | undefined;
  /** Every field name the flow's forms offered, to tell a misspelt --auth-field from a later page's. */
  const offered = new Set<string>();
  const end = (outcome: AuthorizeOutcome, failure: string, x?: HttpExchange): AuthorizeResult => {
    // The provider answered the form we sent (4xx or the same form again) after we left its credentials empty.
    if (lastForm && (outcome === 'loop' || (outcome === 'error-page' && x !== undefined && x.status < 500))) {
      const mistake = authFieldMistake(ctx.config.authFields, lastForm.submission, lastForm.page, offered);
      if (mistake) throw new UsageError('auth-fields', mistake);
    }
    const hint = lastForm?.filled.length ? ` after submitting ${lastForm.filled.join(', ')} (check the --auth-field values)` : '';
    return { outcome, failure: `${failure}${hint}`, finalUrl: next.url, finalStatus: x?.status ?? 0, exchanges };
  };

  for (;;) {
    const key = `${next.method} ${next.url} ${next.body ?? ''}`;
    if (seen.has(key)) return end('loop', `loop: ${next.method} ${pageOf(next.url)} was requested twice with the same data`);
    seen.add(key);
    const headers: Record<string, string> = { accept: 'text/html,application/xhtml+xml' };
    const cookie = jar.header(next.url);
    if (cookie) headers.cookie = cookie;
    if (next.body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    const x = await ctx.http.send({
      method: next.method,
      url: next.url,
      headers,
      ...(next.body !== undefined ? { body: next.body } : {}),
      label: redirects + forms === 0 ? 'authorization request' : 'authorization step',
    });
    exchanges.push(x);
    if (x.status === 0) return end('transport-error', x.error?.message ?? 'no response', x);
    jar.store(next.url, x.setCookies);

    const location = x.headers.location;
    if (REDIRECT_STATUSES.has(x.status) && location) {
      const target = new URL(location, next.url).toString();
      if (req.redirectUris.some((r) => sameEndpoint(r, target))) return redirected(ctx, target, x, exchanges);
      if (++redirects > MAX_REDIRECTS) return end('loop', `more than ${MAX_REDIRECTS} redirects`, x);
      const keepsMethod = x.status === 307 || x.status === 308;
      next = keepsMethod ? { ...next, url: target } : { method: 'GET', url: target };
      continue;
    }
    if (x.status >= 400) return end('error-page', `error page: status ${x.status} at ${pageOf(next.url)}`, x);
    const submission = fillForm(x.text, next.url, ctx.config.authFields);
    if (!submission) return end('no-form', `page without a form (status ${x.status}) at ${pageOf(next.url)}`, x);
    const signature = `${submission.method} ${submission.url} ${submission.fields.map(([k]) => k).join(',')}`;
    if (lastForm?.signature === signature) return end('loop', `the same form came back at ${pageOf(next.url)}`, x);
    if (++forms > MAX_FORMS) return end('loop', `more than ${MAX_FORMS} forms without reaching the redirect URI`, x);
    lastForm = { signature, filled: submission.filled, page: pageOf(next.url), submission };
    for (const n of submission.names) offered.add(n);
    const encoded = new URLSearchParams(submission.fields).toString();
    if (submission.method === 'GET') {
      const u = new URL(submission.url);
      u.search = encoded;
      next = { method: 'GET', url: u.toString() };
    } else next = { method: 'POST', url: submission.url, body: encoded };
  }
}

function redirected(ctx: ScenarioContext, target: string, x: HttpExchange, exchanges: HttpExchange[]): AuthorizeResult {
  const q = new URL(target).searchParams;
  const code = q.get('code') ?? undefined;
  ctx.secret(code);
  const opt = (k: string, v: string | null) => (v !== null ? { [k]: v } : {});
  return {
    outcome: 'redirected',
    ...(code !== undefined ? { code } : {}),
    ...opt('state', q.get('state')),
    ...opt('error', q.get('error')),
    ...opt('errorDescription', q.get('error_description')),
    ...opt('iss', q.get('iss')),
    redirectedTo: target,
    finalUrl: target,
    finalStatus: x.status,
    exchanges,
  };
}

/** Origin and path only: the query of an authorization URL is long and says nothing new. */
function pageOf(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

/** Same scheme, host, port and path: the query may carry the response parameters. */
export function sameEndpoint(redirectUri: string, location: string): boolean {
  try {
    const a = new URL(redirectUri);
    const b = new URL(location);
    return a.origin === b.origin && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

/**
 * A run configuration mistake, not a provider failure: the sign-in form we submitted asked for credentials
 * we left empty because no --auth-field named them. Either a given name matches no field of any form the
 * flow saw (misspelt), or none was given (--auth-field forgotten). Undefined when every credential field was
 * filled: then a refusal may be wrong values or the provider's fault, and stays the provider's result.
 */
export function authFieldMistake(authFields: Record<string, string>, form: FormSubmission, page: string, offered: ReadonlySet<string>): string | undefined {
  if (form.emptyCredentials.length === 0) return undefined;
  const asked = form.emptyCredentials.join(', ');
  const unknown = Object.keys(authFields).filter((name) => !offered.has(name));
  const fields = form.names.join(', ') || 'none';
  if (unknown.length > 0) {
    const list = unknown.map((n) => `"${n}"`).join(', ');
    return `--auth-field ${list} names no field of the sign-in form at ${page} (its fields: ${fields}), so ${asked} went empty and the provider refused the form`;
  }
  const hint = form.emptyCredentials.map((n) => `--auth-field ${n}=…`).join(' ');
  return `the sign-in form at ${page} asks for ${asked}, which no --auth-field gives (--authorize auto fills the provider's forms from them): add ${hint}`;
}

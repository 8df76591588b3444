import { createHash, randomBytes } from 'node:crypto';
import type { Fault, TokenRecord } from '../faults/types.js';
import { OFFLINE_ACCESS, PATHS, type Answer, type Incoming } from './types.js';

interface Client { secret: string; redirectUris: string[]; scopes: string[]; grantTypes: string[] }
interface CodeGrant { clientId: string; redirectUri: string; scopes: string[]; challenge?: string; method?: string; used: boolean }

export interface AuthContext {
  origin: string;
  /** Every scope the emulators offer (both APIs plus offline_access). */
  scopes: readonly string[];
  fault: Fault | undefined;
  /** Called with every credential the emulator issues, so events never carry it. */
  secret(value: string): void;
}

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };
const random = () => randomBytes(24).toString('base64url');
const oauthError = (status: number, error: string, description: string, extra: Record<string, string> = {}): Answer => ({
  status, headers: { ...NO_STORE, ...extra }, body: { error, error_description: description },
});
const errorPage = (message: string): Answer => ({
  status: 400, headers: { 'content-type': 'text/html; charset=utf-8' }, body: `<!doctype html><title>Authorization error</title><p>${message}</p>`,
});

/** The emulated authorization server: lenient where the checks judge, strict where OAuth would break. */
export class AuthServer {
  private readonly clients = new Map<string, Client>();
  private readonly codes = new Map<string, CodeGrant>();
  readonly tokens = new Map<string, TokenRecord>();

  /** Forgets grants and tokens between scenarios; registered clients stay, as a real server keeps them. */
  resetGrants(): void {
    this.codes.clear();
    this.tokens.clear();
  }

  revokeAll(): void {
    for (const t of this.tokens.values()) t.revoked = true;
  }

  metadata(ctx: AuthContext): Answer {
    const o = ctx.origin;
    return { status: 200, body: {
      issuer: o, authorization_endpoint: `${o}${PATHS.authorize}`, token_endpoint: `${o}${PATHS.token}`,
      registration_endpoint: `${o}${PATHS.register}`, revocation_endpoint: `${o}${PATHS.revoke}`,
      scopes_supported: [...ctx.scopes], response_types_supported: ['code'], grant_types_supported: ['authorization_code', 'refresh_token'],
      token_endpoint_auth_methods_supported: ['client_secret_basic'], code_challenge_methods_supported: ['S256'],
    } };
  }

  register(req: Incoming, ctx: AuthContext): Answer {
    let meta: unknown;
    try { meta = JSON.parse(req.body); } catch { return oauthError(400, 'invalid_client_metadata', 'the body is not JSON'); }
    if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) return oauthError(400, 'invalid_client_metadata', 'the body is not a JSON object');
    const m = meta as Record<string, unknown>;
    const uris = Array.isArray(m.redirect_uris) ? m.redirect_uris.filter((u): u is string => typeof u === 'string') : [];
    if (uris.length === 0) return oauthError(400, 'invalid_redirect_uri', 'redirect_uris is required');
    const asked = typeof m.scope === 'string' ? m.scope.split(' ').filter(Boolean) : [...ctx.scopes];
    const scopes = asked.filter((s) => ctx.scopes.includes(s));
    const grantTypes = Array.isArray(m.grant_types) ? m.grant_types.filter((g): g is string => g === 'authorization_code' || g === 'refresh_token') : ['authorization_code'];
    const clientId = `client-${random()}`;
    const secret = random();
    ctx.secret(secret);
    this.clients.set(clientId, { secret, redirectUris: uris, scopes, grantTypes });
    const echo: Record<string, unknown> = {};
    for (const k of ['client_name', 'client_uri', 'logo_uri', 'tos_uri', 'policy_uri', 'software_id', 'software_version']) if (typeof m[k] === 'string') echo[k] = m[k];
    return { status: 201, headers: NO_STORE, body: {
      ...echo, client_id: clientId, client_secret: secret, client_id_issued_at: Math.floor(Date.now() / 1000), client_secret_expires_at: 0,
      redirect_uris: uris, token_endpoint_auth_method: 'client_secret_basic', grant_types: grantTypes, response_types: ['code'], scope: scopes.join(' '),
    } };
  }

  /** Signs in and approves for the test user at once: the answer is the redirect to the client. */
  authorize(req: Incoming, ctx: AuthContext): Answer {
    const q = req.query;
    const client = this.clients.get(q.get('client_id') ?? '');
    if (!client) return errorPage('Unknown client_id.');
    const redirectUri = q.get('redirect_uri') ?? (client.redirectUris.length === 1 ? client.redirectUris[0] : undefined);
    if (!redirectUri || !client.redirectUris.includes(redirectUri)) return errorPage('redirect_uri is not registered for this client.');
    const sentState = q.get('state') ?? undefined;
    const state = ctx.fault?.redirectState ? ctx.fault.redirectState(sentState) : sentState;
    const back = (params: Record<string, string>): Answer => {
      const url = new URL(redirectUri);
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      if (state !== undefined) url.searchParams.set('state', state);
      if (state !== undefined) req.meta.redirectState = state;
      return { status: 302, headers: { location: url.href }, body: '' };
    };
    if (q.get('response_type') !== 'code') return back({ error: 'unsupported_response_type' });
    const method = q.get('code_challenge_method') ?? (q.has('code_challenge') ? 'plain' : undefined);
    if (method !== undefined && method !== 'S256' && method !== 'plain') return back({ error: 'invalid_request', error_description: 'unknown code_challenge_method' });
    // RFC 6749 §3.3: scopes not offered, or not registered for the client, are left out of the grant
    // (the redirect's `scope` says what was granted); the consumer checks judge what was asked.
    const approvable = (q.get('scope') ?? client.scopes.join(' ')).split(' ').filter((s) => ctx.scopes.includes(s) && client.scopes.includes(s));
    const scopes = ctx.fault?.grantScopes ? ctx.fault.grantScopes(approvable) : approvable;
    if (scopes.length === 0) return back({ error: 'invalid_scope', error_description: 'none of the requested scopes is offered to this client' });
    const code = random();
    ctx.secret(code);
    const challenge = q.get('code_challenge') ?? undefined;
    this.codes.set(code, { clientId: q.get('client_id')!, redirectUri, scopes, ...(challenge ? { challenge, method } : {}), used: false });
    req.meta.code = code;
    return back({ code, scope: scopes.join(' ') });
  }

  token(req: Incoming, ctx: AuthContext): Answer {
    const form = new URLSearchParams(req.body);
    const auth = clientAuth(req.headers.authorization, form);
    const client = auth ? this.clients.get(auth.id) : undefined;
    if (!auth || !client || client.secret !== auth.secret) return oauthError(401, 'invalid_client', 'client authentication failed', { 'www-authenticate': 'Basic realm="token"' });
    const grant = form.get('grant_type') ?? '';
    req.meta.grant = grant;
    if (grant === 'authorization_code') {
      const presented = form.get('code') ?? '';
      const code = this.codes.get(presented);
      if (code?.used && code.clientId === auth.id) {
        // RFC 6749 §4.1.2: a replayed code is refused, and the tokens issued from it are revoked.
        req.meta.replayedCode = true;
        for (const t of this.tokens.values()) if (t.fromCode === presented) t.revoked = true;
        return oauthError(400, 'invalid_grant', 'this authorization code was already used; the tokens issued from it are revoked');
      }
      if (!code || code.used || code.clientId !== auth.id) return oauthError(400, 'invalid_grant', 'unknown or foreign code');
      code.used = true;
      const redirectUri = form.get('redirect_uri');
      if (redirectUri !== null && redirectUri !== code.redirectUri) return oauthError(400, 'invalid_grant', 'redirect_uri differs from the authorization request');
      if (code.challenge !== undefined) {
        const verifier = form.get('code_verifier') ?? '';
        const expected = code.method === 'S256' ? createHash('sha256').update(verifier, 'ascii').digest('base64url') : verifier;
        if (expected !== code.challenge) return oauthError(400, 'invalid_grant', 'code_verifier does not match the code_challenge');
      }
      const unknown = unknownScopes(form.get('scope'), ctx);
      if (unknown) return unknown;
      const refresh = client.grantTypes.includes('refresh_token') || code.scopes.includes(OFFLINE_ACCESS);
      return this.issue(req, ctx, { clientId: auth.id, scopes: code.scopes, grant: 'authorization_code', fromCode: presented }, refresh);
    }
    if (grant === 'refresh_token') {
      const rt = this.tokens.get(form.get('refresh_token') ?? '');
      if (!rt || rt.kind !== 'refresh' || rt.clientId !== auth.id || rt.revoked) return oauthError(400, 'invalid_grant', 'unknown or revoked refresh token');
      const unknown = unknownScopes(form.get('scope'), ctx);
      if (unknown) return unknown;
      return this.issue(req, ctx, { clientId: auth.id, scopes: rt.scopes, grant: 'refresh_token', ...(rt.fromCode ? { fromCode: rt.fromCode } : {}) }, false, rt.value);
    }
    return oauthError(400, 'unsupported_grant_type', `grant_type "${grant}" is not supported`);
  }

  revoke(req: Incoming): Answer {
    const form = new URLSearchParams(req.body);
    const auth = clientAuth(req.headers.authorization, form);
    const client = auth ? this.clients.get(auth.id) : undefined;
    if (!auth || !client || client.secret !== auth.secret) return oauthError(401, 'invalid_client', 'client authentication failed');
    const t = this.tokens.get(form.get('token') ?? '');
    if (t && t.clientId === auth.id) t.revoked = true;
    return { status: 200, body: '' };
  }

  /** Finds the token an API request presents (header, or the query string the checks will fault). */
  bearer(req: Incoming): { token?: TokenRecord; problem?: 'missing' | 'unknown' | 'expired' | 'revoked' } {
    const header = req.headers.authorization;
    const value = header && /^bearer\s+/i.test(header) ? header.replace(/^bearer\s+/i, '').trim() : (req.query.get('access_token') ?? undefined);
    if (!value) return { problem: 'missing' };
    req.meta.accessToken = value;
    const token = this.tokens.get(value);
    if (!token || token.kind !== 'access') return { problem: 'unknown' };
    if (token.revoked) return { problem: 'revoked' };
    if (token.expired) return { problem: 'expired' };
    return { token };
  }

  private issue(req: Incoming, ctx: AuthContext, from: Pick<TokenRecord, 'clientId' | 'scopes' | 'grant' | 'fromCode'>, withRefresh: boolean, keepRefresh?: string): Answer {
    const now = Date.now();
    const access = random();
    const { scopes } = from;
    ctx.secret(access);
    this.tokens.set(access, { value: access, kind: 'access', ...from, issuedAt: now, revoked: false, expired: false });
    req.meta.issuedAccessToken = access;
    const body: Record<string, unknown> = { access_token: access, token_type: 'Bearer', expires_in: 3600, scope: scopes.join(' ') };
    if (withRefresh) {
      const refresh = random();
      ctx.secret(refresh);
      this.tokens.set(refresh, { value: refresh, kind: 'refresh', ...from, issuedAt: now, revoked: false, expired: false });
      body.refresh_token = refresh;
    } else if (keepRefresh) body.refresh_token = keepRefresh;
    return { status: 200, headers: NO_STORE, body };
  }
}

/**
 * A token request naming a scope the provider does not offer at all is refused (RFC 6749 §5.2
 * invalid_scope); offered scopes beyond the grant are narrowed to it, as the response's `scope` says.
 */
function unknownScopes(scope: string | null, ctx: AuthContext): Answer | undefined {
  const unknown = (scope ?? '').split(' ').filter((s) => s !== '' && !ctx.scopes.includes(s));
  return unknown.length ? oauthError(400, 'invalid_scope', `scope not offered: ${unknown.join(' ').slice(0, 200)}`) : undefined;
}

/** Basic credentials (RFC 6749 §2.3.1, form-encoded then base64), or the form's client_secret_post pair. */
export function clientAuth(header: string | undefined, form: URLSearchParams): { id: string; secret: string; method: 'basic' | 'post' } | undefined {
  if (header && /^basic\s+/i.test(header)) {
    const decoded = Buffer.from(header.replace(/^basic\s+/i, ''), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    const dec = (s: string) => { try { return decodeURIComponent(s.replace(/\+/g, ' ')); } catch { return s; } };
    return { id: dec(decoded.slice(0, colon)), secret: dec(decoded.slice(colon + 1)), method: 'basic' };
  }
  const id = form.get('client_id');
  const secret = form.get('client_secret');
  return id && secret ? { id, secret, method: 'post' } : undefined;
}


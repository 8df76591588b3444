/**
 * A small auto-approving Badge Connect + CLR provider with its authorization server on one origin, for the
 * client tests. It records every request (raw, secrets included: it is a test) and can misbehave on demand.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface FakeOptions {
  assertions?: number;
  clrs?: number;
  pageSize?: number;
  /** The first API call (with the first access token) answers 401 invalid_token, as if it had expired. */
  expireFirstCall?: boolean;
  /** Every refresh is refused (a revoked grant). */
  refuseRefresh?: boolean;
  /** After the first API call every token is revoked: API calls answer 401 invalid_token, refreshes invalid_grant. */
  revokeAfterFirstCall?: boolean;
  /** The authorization redirect carries another state. */
  wrongState?: boolean;
  /** POST /assertions answers 400 with the error envelope. */
  postError?: boolean;
  /** A custom `next` link target (e.g. another origin). */
  nextLink?: (offset: number, origin: string) => string;
  /** Leave CLR discovery out (404). */
  noClr?: boolean;
  noManifest?: boolean;
  /** Documents published by an issuer under `${origin}/public/`: files (path → JSON), paths answering 410, and records appended to GET /assertions. */
  publish?: (origin: string) => Promise<Published>;
}

export interface Published {
  files: Record<string, unknown>;
  gone?: Record<string, unknown>;
  assertions: unknown[];
  /** Compact JWS strings, served with the first page (OB 2.1 `signedAssertions`). */
  signedAssertions?: string[];
}

export interface FakeProvider {
  origin: string;
  manifestUrl: string;
  discoveryUrl: string;
  requests: Recorded[];
  calls(path: string): Recorded[];
  close(): Promise<void>;
}

const OBC = 'https://purl.imsglobal.org/spec/ob/v2p1/scope/';
const CLR = 'https://purl.imsglobal.org/spec/clr/v1p0/scope/';

export async function startFakeProvider(o: FakeOptions = {}): Promise<FakeProvider> {
  const requests: Recorded[] = [];
  const codes = new Map<string, { challenge?: string; method?: string; scope: string }>();
  const fresh = new Set<string>();
  let counter = 0;
  let apiCalls = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', origin);
      const rec: Recorded = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString() };
      requests.push(rec);
      handle(rec, req, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const published: Published = o.publish ? await o.publish(origin) : { files: {}, assertions: [] };
  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  const issue = (scope: string) => {
    const access = `at-${++counter}`;
    fresh.add(access);
    return { access_token: access, token_type: 'Bearer', expires_in: 3600, refresh_token: `rt-${counter}`, scope };
  };
  const assertion = (i: number) => ({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: `${origin}/public/assertions/${i}`,
    recipient: { type: 'email', hashed: false, identity: 'learner@example.org' }, badge: `${origin}/public/badges/1`,
    verification: { type: 'HostedBadge' }, issuedOn: '2024-01-01T00:00:00Z' });
  const clr = (i: number) => ({ '@context': 'https://purl.imsglobal.org/spec/clr/v1p0/context/clr_v1p0.jsonld', type: 'Clr', id: `${origin}/ims/clr/v1p0/clrs/${i}`,
    name: `Record ${i}`, issuedOn: '2024-01-01T00:00:00Z', learner: { id: 'urn:example:learner', type: 'Profile' }, publisher: { id: `${origin}/publisher`, type: 'Profile', name: 'Fake' } });

  function page<T>(rec: Recorded, res: ServerResponse, items: T[], key: string, base: string) {
    const size = o.pageSize ?? 5;
    const offset = Number(rec.query.get('offset') ?? 0);
    const links = [`<${base}?limit=${size}&offset=0>; rel="first"`];
    if (offset + size < items.length) links.push(`<${o.nextLink ? o.nextLink(offset + size, origin) : `${base}?limit=${size}&offset=${offset + size}`}>; rel="next"`);
    const signed = offset === 0 && published.signedAssertions?.length ? { signedAssertions: published.signedAssertions } : {};
    const body = key === 'assertions' ? { status: { statusCode: 200, statusText: 'OK' }, assertions: items.slice(offset, offset + size), ...signed } : { '@context': 'x', type: 'ClrSet', clrs: items.slice(offset, offset + size) };
    json(res, 200, body, { link: links.join(', '), 'x-total-count': String(items.length) });
  }

  function handle(rec: Recorded, _req: IncomingMessage, res: ServerResponse) {
    const { method, path } = rec;
    if (path === '/.well-known/badgeconnect.json' && !o.noManifest) {
      return json(res, 200, { id: `${origin}${path}`, badgeConnectAPI: [{ name: 'Fake Provider', apiBase: `${origin}/ims/ob/v2p1`, version: 'v2p1',
        termsOfServiceUrl: `${origin}/terms`, privacyPolicyUrl: `${origin}/privacy`, scopesOffered: ['assertion.readonly', 'assertion.create', 'profile.readonly', 'profile.update'].map((s) => OBC + s),
        registrationUrl: `${origin}/register`, authorizationUrl: `${origin}/authorize`, tokenUrl: `${origin}/token`, tokenRevocationUrl: `${origin}/revoke` }] });
    }
    if (path === '/ims/clr/v1p0/discovery' && !o.noClr) {
      return json(res, 200, { '@context': 'x', name: 'Fake CLR', authorizationUrl: `${origin}/authorize`, tokenUrl: `${origin}/token`, registrationUrl: `${origin}/register`,
        scopesOffered: [`${CLR}readonly`, `${CLR}replace`], privacyPolicyUrl: `${origin}/privacy`, termsOfServiceUrl: `${origin}/terms` });
    }
    if (path === '/register' && method === 'POST') {
      const body = JSON.parse(rec.body) as Record<string, unknown>;
      return json(res, 201, { ...body, client_id: 'client-1', client_secret: 's3cret/+=', client_id_issued_at: 1, client_secret_expires_at: 0 });
    }
    if (path === '/authorize') {
      const code = `code-${++counter}`;
      codes.set(code, { challenge: rec.query.get('code_challenge') ?? undefined, method: rec.query.get('code_challenge_method') ?? undefined, scope: rec.query.get('scope') ?? '' });
      const back = new URL(rec.query.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      const state = rec.query.get('state');
      if (state !== null) back.searchParams.set('state', o.wrongState ? `${state}-other` : state);
      return res.writeHead(302, { location: back.href }).end();
    }
    if (path === '/token' && method === 'POST') {
      const form = new URLSearchParams(rec.body);
      if (form.get('grant_type') === 'refresh_token') {
        return o.refuseRefresh || (o.revokeAfterFirstCall && apiCalls > 0) ? json(res, 400, { error: 'invalid_grant', error_description: 'revoked' }) : json(res, 200, issue(form.get('scope') ?? ''));
      }
      const grant = codes.get(form.get('code') ?? '');
      const verifier = form.get('code_verifier');
      if (!grant) return json(res, 400, { error: 'invalid_grant' });
      if (grant.challenge && (!verifier || createHash('sha256').update(verifier).digest('base64url') !== grant.challenge) && grant.method === 'S256') {
        return json(res, 400, { error: 'invalid_grant', error_description: 'PKCE' });
      }
      return json(res, 200, issue(grant.scope));
    }
    if (path === '/revoke') return res.writeHead(200).end();
    if (path.startsWith('/public/')) {
      const file = path.slice('/public/'.length);
      if (published.gone?.[file] !== undefined) return json(res, 410, published.gone[file]);
      return published.files[file] !== undefined ? json(res, 200, published.files[file]) : json(res, 404, {});
    }
    const token = /^Bearer (.+)$/.exec(String(rec.headers.authorization ?? ''))?.[1] ?? rec.query.get('access_token');
    if (!token) return json(res, 401, { status: { statusCode: 401, statusText: 'UNAUTHENTICATED' } }, { 'www-authenticate': 'Bearer realm="x"' });
    if (o.revokeAfterFirstCall && apiCalls++ > 0) {
      return json(res, 401, { status: { statusCode: 401, statusText: 'UNAUTHENTICATED' } }, { 'www-authenticate': 'Bearer error="invalid_token"' });
    }
    if (o.expireFirstCall && token === 'at-2' && fresh.delete(token)) {
      return json(res, 401, { status: { statusCode: 401, statusText: 'UNAUTHENTICATED' } }, { 'www-authenticate': 'Bearer error="invalid_token"' });
    }
    fresh.delete(token);
    if (path === '/ims/ob/v2p1/assertions' && method === 'GET') return page(rec, res, [...Array.from({ length: o.assertions ?? 12 }, (_, i) => assertion(i + 1)), ...published.assertions], 'assertions', `${origin}${path}`);
    if (path === '/ims/ob/v2p1/assertions' && method === 'POST') {
      return o.postError
        ? json(res, 400, { status: { statusCode: 400, statusText: 'INVALID_BADGE', error: 'not a badge' } })
        : json(res, 200, { status: { statusCode: 200, statusText: 'OK' } });
    }
    if (path === '/ims/ob/v2p1/profile') return json(res, 200, { status: { statusCode: 200, statusText: 'OK' }, profile: { id: 'urn:example:learner', type: 'Profile', name: 'Learner', email: 'learner@example.org' } });
    if (path === '/ims/clr/v1p0/clrs') return page(rec, res, Array.from({ length: o.clrs ?? 7 }, (_, i) => clr(i + 1)), 'clrs', `${origin}${path}`);
    return json(res, 404, { status: { statusCode: 404, statusText: 'NOT_FOUND' } });
  }

  return {
    origin,
    manifestUrl: `${origin}/.well-known/badgeconnect.json`,
    discoveryUrl: `${origin}/ims/clr/v1p0/discovery`,
    requests,
    calls: (path) => requests.filter((r) => r.path === path),
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { faultByName } from '../faults/index.js';
import type { Fault, FaultEnv } from '../faults/types.js';
import type { ApiContext } from './api.js';
import { AuthServer, type AuthContext } from './auth-server.js';
import { ClrProvider } from './clr-provider.js';
import { familyError } from './envelopes.js';
import { ObcProvider } from './obc-provider.js';
import { CLR_SCOPES, OBC_SCOPES, OFFERED_SCOPES, OFFLINE_ACCESS, PATHS, SEED_SIZE, type Answer, type EmulatorCall, type Family, type Incoming, type Route } from './types.js';

export interface EmulatorOptions {
  host?: string;
  port?: number;
  /** Seed sizes (defaults: 12 assertions, 7 CLRs). */
  seed?: { obc?: number; clr?: number };
  /** Offer every scope of both APIs instead of the default subset (OFFERED_SCOPES). */
  offerAllScopes?: boolean;
}

export interface ObservationOptions {
  /** Emulator fault switched on until the next `begin`. */
  fault?: string;
  /** Sees every call as it is recorded (progress, events). */
  onCall?: (call: EmulatorCall) => void;
  /** Sees every credential the emulator issues, so it can be redacted. */
  onSecret?: (value: string) => void;
}

export interface Emulator {
  origin: string;
  manifestUrl: string;
  discoveryUrl: string;
  /** Starts a new observation: data back to the seed, grants forgotten, the fault switched. */
  begin(options?: ObservationOptions): void;
  /** Calls recorded since the last `begin`, oldest first. */
  calls(): EmulatorCall[];
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

/** Starts the suite's own Badge Connect provider, CLR provider and authorization server on one origin. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const auth = new AuthServer();
  const offered = options.offerAllScopes ? { obc: OBC_SCOPES, clr: CLR_SCOPES } : OFFERED_SCOPES;
  const ALL_SCOPES = [...offered.obc, ...offered.clr, OFFLINE_ACCESS];
  const obc = new ObcProvider(origin, options.seed?.obc ?? SEED_SIZE.obc, offered.obc);
  const clr = new ClrProvider(origin, options.seed?.clr ?? SEED_SIZE.clr, offered.clr);
  let calls: EmulatorCall[] = [];
  let observation: ObservationOptions = {};
  let fault: Fault | undefined;
  let memory = new Map<string, unknown>();

  const authCtx = (): AuthContext => ({ origin, scopes: ALL_SCOPES, fault, secret: (v) => observation.onSecret?.(v) });
  const apiCtx = (family: Family): ApiContext => {
    const faultEnv: FaultEnv = { family, memory, revokeAll: () => auth.revokeAll(), error: (s, r) => familyError(family, s, r) };
    return { origin, family, auth, fault, faultEnv };
  };

  const dispatch = (req: Incoming): { route: Route; answer: Answer } => {
    const { method, path } = req;
    const is = (m: string, p: string) => method === m && path === p;
    if (is('GET', PATHS.asMetadata)) return { route: 'as-metadata', answer: auth.metadata(authCtx()) };
    if (is('POST', PATHS.register)) return { route: 'register', answer: auth.register(req, authCtx()) };
    if (is('GET', PATHS.authorize)) return { route: 'authorize', answer: auth.authorize(req, authCtx()) };
    if (is('POST', PATHS.token)) return { route: 'token', answer: auth.token(req, authCtx()) };
    if (is('POST', PATHS.revoke)) return { route: 'revoke', answer: auth.revoke(req) };
    if (is('GET', PATHS.manifest)) return { route: 'manifest', answer: obc.manifest() };
    if (is('GET', `${PATHS.clrBase}/discovery`)) return { route: 'discovery', answer: clr.discovery() };
    if (path === PATHS.obcDraftBase || path.startsWith(`${PATHS.obcDraftBase}/`)) return { route: 'draft-api', answer: obc.draftApi() };
    const o = apiCtx('obc');
    if (path === `${PATHS.obcBase}/assertions`) {
      if (method === 'GET') return { route: 'get-assertions', answer: obc.getAssertions(req, o) };
      if (method === 'POST') return { route: 'post-assertions', answer: obc.postAssertion(req, o) };
      return { route: 'unknown', answer: notAllowed('obc', 'GET, POST') };
    }
    if (path === `${PATHS.obcBase}/profile`) {
      if (method === 'GET') return { route: 'get-profile', answer: obc.getProfile(req, o) };
      if (method === 'POST') return { route: 'post-profile', answer: obc.postProfile(req, o) };
      return { route: 'unknown', answer: notAllowed('obc', 'GET, POST') };
    }
    const c = apiCtx('clr');
    if (path === `${PATHS.clrBase}/clrs`) {
      if (method === 'GET') return { route: 'get-clrs', answer: clr.getClrs(req, c) };
      if (method === 'POST') return { route: 'post-clr', answer: clr.postClr(req, c) };
      return { route: 'unknown', answer: notAllowed('clr', 'GET, POST') };
    }
    if (path.startsWith(`${PATHS.clrBase}/clrs/`)) {
      if (method === 'GET') return { route: 'get-clr', answer: clr.getClr(req, c) };
      if (method === 'DELETE') return { route: 'delete-clr', answer: clr.deleteClr(req, c) };
      return { route: 'unknown', answer: notAllowed('clr', 'GET, DELETE') };
    }
    const doc = method === 'GET' && path.startsWith(PATHS.public) ? obc.document(path) : undefined;
    if (doc) return { route: 'public', answer: doc };
    return { route: 'unknown', answer: familyError(path.startsWith(PATHS.clrBase) ? 'clr' : 'obc', 404, 'Not found') };
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const at = Date.now();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', origin);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      const incoming: Incoming = { method: (req.method ?? 'GET').toUpperCase(), path: url.pathname, query: url.searchParams, headers, body: Buffer.concat(chunks).toString('utf8'), meta: {} };
      const { route, answer } = size > MAX_BODY
        ? { route: 'unknown' as Route, answer: { status: 413, body: { error: 'body too large' } } }
        : dispatch(incoming);
      const responseBody = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      const responseHeaders: Record<string, string> = { ...(answer.headers ?? {}) };
      if (responseBody && !responseHeaders['content-type']) responseHeaders['content-type'] = 'application/json';
      res.writeHead(answer.status, responseHeaders);
      res.end(responseBody);
      const call: EmulatorCall = {
        id: randomUUID(), seq: calls.length + 1, at, route, method: incoming.method, path: incoming.path, query: incoming.query,
        headers, body: incoming.body, status: answer.status, responseHeaders, responseBody, meta: incoming.meta,
      };
      calls.push(call);
      observation.onCall?.(call);
    });
  });

  return {
    origin,
    manifestUrl: `${origin}${PATHS.manifest}`,
    discoveryUrl: `${origin}${PATHS.clrBase}/discovery`,
    begin(next = {}) {
      observation = next;
      fault = next.fault ? faultByName(next.fault) : undefined;
      memory = new Map();
      calls = [];
      auth.resetGrants();
      obc.reset();
      clr.reset();
    },
    calls: () => [...calls],
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function notAllowed(family: Family, allow: string): Answer {
  const a = familyError(family, 405, 'Method not allowed');
  return { ...a, headers: { allow } };
}

import type { Request } from 'express';
import type { Logger } from 'pino';
import type { ResolvedOptions } from './defaults.js';
import type { Faults } from './faults.js';
import type { Store } from './store/index.js';
import type { Client } from './store/clients.js';
import type { User } from './store/users.js';

/** Everything a route needs, built once by createApp and passed to each route factory. */
export interface AppContext {
  options: ResolvedOptions;
  store: Store;
  faults: Faults;
  logger: Logger;
  /** Current time in ms from the injected clock. */
  now(): number;
}

/** A signed-in browser session, loaded from the cookie by `middleware/load-session.ts`. */
export interface SessionInfo {
  idHash: string;
  user: User;
  /** Token for the account page forms, derived from the session id (see session-cookie.ts). */
  csrf: string;
}

/** Per-request values set by middlewares; kept off `res.locals` so they stay typed. */
export interface RequestState {
  client?: Client;
  session?: SessionInfo;
  /** Set once client and redirect URI are trusted: later authorization errors redirect there. */
  redirectTarget?: { redirectUri: string; state: string | undefined };
  /** Renders errors as HTML pages instead of JSON. */
  page?: boolean;
}

const states = new WeakMap<Request, RequestState>();

export function reqState(req: Request): RequestState {
  let state = states.get(req);
  if (!state) {
    state = {};
    states.set(req, state);
  }
  return state;
}

/** The authenticated client; only call after `requireClientAuth`. */
export function authenticatedClient(req: Request): Client {
  const client = reqState(req).client;
  if (!client) throw new Error('authenticatedClient called before requireClientAuth');
  return client;
}

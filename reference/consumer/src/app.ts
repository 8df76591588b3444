import express, { type Express } from 'express';
import pino, { type Logger } from 'pino';
import { systemClock, type Clock } from '../../shared/clock.js';
import { openDatabase } from '../../shared/sqlite.js';
import { BODY_LIMIT_BYTES, DEFAULT_OWNER, WALLET_NAME } from './defaults.js';
import { ConsumerFaults } from './faults.js';
import { ConnectionRepository } from './store/connections.js';
import { MIGRATIONS } from './store/migrations.js';
import { RecordRepository } from './store/records.js';
import { SessionRepository } from './store/sessions.js';
import { restrictedFetcher } from './verify.js';
import { Wallet } from './wallet.js';
import type { WebContext } from './web/context.js';
import { errorHandler, notFound } from './web/errors.js';
import { requestLog, securityHeaders } from './web/middleware.js';
import { connectionRoutes } from './web/routes/connections.js';
import { dashboardAndLogin, infoPages } from './web/routes/public-pages.js';
import { recordRoutes } from './web/routes/records.js';

export interface WalletOptions {
  /** Public origin, no trailing slash: the registration's URLs and redirect URI are built from it. */
  origin: string;
  /** SQLite file path, or ':memory:'. */
  database: string;
  clock?: Clock;
  /** Consumer fault names (src/faults.ts); unknown names throw. */
  faults?: string[];
  /** The wallet's one local account (default: DEFAULT_OWNER, a public demo value). */
  owner?: { username: string; password: string; name?: string };
  /** pino logger; `false` for silence. Default: pino at info level on stdout. */
  logger?: Logger | false;
  /** fetch used for every provider request (tests may wrap it). */
  fetch?: typeof fetch;
}

export interface WalletApp {
  handler: Express;
  wallet: Wallet;
  close(): void;
}

export function createApp(options: WalletOptions): WalletApp {
  const origin = options.origin.replace(/\/+$/, '');
  const clock = options.clock ?? systemClock;
  const faults = new ConsumerFaults(options.faults ?? []);
  const log = options.logger === false ? null : (options.logger ?? pino({ name: 'wallet' }));
  if (faults.size) log?.warn({ faults: faults.list() }, 'faults switched on: this wallet is deliberately non-conformant');

  const db = openDatabase(options.database, MIGRATIONS);
  const connections = new ConnectionRepository(db);
  const records = new RecordRepository(db);
  const sessions = new SessionRepository(db);
  const fetchImpl = options.fetch ?? fetch;
  const allowedOrigins = () => new Set(connections.list().flatMap((c) => [new URL(c.description.discoveryUrl).origin, new URL(c.description.apiBase).origin]));
  const wallet = new Wallet({
    connections,
    records,
    faults,
    http: { fetch: fetchImpl },
    identity: { origin, name: WALLET_NAME },
    fetcher: restrictedFetcher(allowedOrigins, fetchImpl),
    log,
    now: clock,
  });
  const ctx: WebContext = {
    origin,
    owner: { name: DEFAULT_OWNER.name, ...(options.owner ?? DEFAULT_OWNER) },
    wallet,
    connections,
    records,
    sessions,
    faults,
    log,
    now: clock,
    secureCookies: origin.startsWith('https:'),
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(requestLog(log, clock));
  app.use(securityHeaders());
  app.use((_req, _res, next) => {
    sessions.purge(clock());
    next();
  });
  app.use(express.urlencoded({ extended: false, limit: BODY_LIMIT_BYTES, parameterLimit: 50 }));
  app.use(infoPages());
  app.use(dashboardAndLogin(ctx));
  app.use(connectionRoutes(ctx));
  app.use(recordRoutes(ctx));
  app.use(notFound());
  app.use(errorHandler(log));

  return {
    handler: app,
    wallet,
    close: () => {
      if (db.open) db.close();
    },
  };
}

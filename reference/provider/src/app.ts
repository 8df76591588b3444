import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import pino, { type Logger } from 'pino';
import { systemClock, type Clock } from '../../shared/clock.js';
import { DEMO_USERS, type DemoUser } from '../../shared/demo-users.js';
import { openDatabase } from '../../shared/sqlite.js';
import type { Fetcher } from '../../../verification/src/index.js';
import { apiRouter } from './api-router.js';
import { networkDocuments, noRemoteDocuments } from './badges/document-fetcher.js';
import { clrRouter } from './clr-router.js';
import { StatusInfo } from './clr/status-info.js';
import type { AuthServerOptions, ProviderContext } from './context.js';
import { API_BASE_PATH, CLR_BASE_PATH, DEFAULT_INTROSPECTION_CACHE_SECONDS } from './defaults.js';
import { Envelope } from './envelope.js';
import { errors } from './errors.js';
import { ProviderFaults } from './faults.js';
import { cors } from './middleware/cors.js';
import { errorHandler } from './middleware/error-handler.js';
import { requestLog } from './middleware/request-log.js';
import { clrPublicDocumentsRoute } from './routes/clr-public-documents.js';
import { getManifestRoute } from './routes/get-manifest.js';
import { publicDocumentsRoute } from './routes/public-documents.js';
import { sitePagesRoute } from './routes/site-pages.js';
import { seedDatabase } from './seed/seed.js';
import { AssertionRepository } from './store/assertions.js';
import { ClrRepository } from './store/clrs.js';
import { loadOrCreateSigningKey, type SigningKeyInput } from './store/keys.js';
import { MIGRATIONS } from './store/migrations.js';
import { ProfileRepository } from './store/profiles.js';
import { IntrospectionVerifier } from './token-verifier.js';
import { ProviderUrls } from './urls.js';

export type { AuthServerOptions } from './context.js';

export interface ProviderOptions {
  /** Public origin, no trailing slash: every URL in manifests, ids and Link headers is built from it. */
  origin: string;
  /** SQLite file path, or ':memory:'. */
  database: string;
  clock?: Clock;
  /** Names from PROVIDER_FAULTS (src/faults.ts); unknown names throw. */
  faults?: string[];
  authServer: AuthServerOptions;
  users?: DemoUser[];
  /** pino logger; `false` for silence. Default: pino at info level on stdout. */
  logger?: Logger | false;
  /** RSA private key (PEM) for signed assertions; default: generated on first start and stored. */
  signingKey?: SigningKeyInput;
  /** Introspection cache per token, 0 to 5 s (default 5). */
  introspectionCacheSeconds?: number;
  /**
   * How foreign documents (a hosted assertion at its id, badge classes, issuer profiles, keys) are loaded to
   * verify a posted assertion: a Fetcher, or `false` to load none (foreign assertions are then refused as
   * unverifiable). Default: the network, with the verification library's timeout and size caps.
   */
  remoteDocuments?: Fetcher | false;
}

export interface ProviderApp {
  handler: Express;
  close(): void;
}

export function createApp(options: ProviderOptions): ProviderApp {
  const origin = options.origin.replace(/\/+$/, '');
  const clock = options.clock ?? systemClock;
  const faults = new ProviderFaults(options.faults ?? []);
  const log = options.logger === false ? null : (options.logger ?? pino({ name: 'provider' }));
  const users = options.users ?? [...DEMO_USERS];
  const urls = new ProviderUrls(origin);

  if (faults.list().length) log?.warn({ faults: faults.list() }, 'faults switched on: this provider is deliberately non-conformant');

  const db = openDatabase(options.database, MIGRATIONS);
  const key = loadOrCreateSigningKey(db, clock(), options.signingKey);
  seedDatabase(db, users, urls, key, clock());

  const ctx: ProviderContext = {
    urls,
    authServer: options.authServer,
    clock,
    faults,
    envelope: new Envelope(faults),
    statusInfo: new StatusInfo(faults),
    verifier: new IntrospectionVerifier({
      introspectionUrl: options.authServer.introspectionUrl,
      clientId: options.authServer.clientId,
      clientSecret: options.authServer.clientSecret,
      cacheSeconds: options.introspectionCacheSeconds ?? DEFAULT_INTROSPECTION_CACHE_SECONDS,
      clock,
      faults,
    }),
    users,
    key,
    assertions: new AssertionRepository(db),
    profiles: new ProfileRepository(db),
    clrs: new ClrRepository(db),
    remoteDocuments: options.remoteDocuments === false ? noRemoteDocuments : (options.remoteDocuments ?? networkDocuments()),
    log,
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false); // the manifest sets its own; API responses are no-store
  app.set('case sensitive routing', true);
  app.use(requestLog(log));
  app.use(cors());
  app.use(getManifestRoute(ctx));
  app.use(API_BASE_PATH, apiRouter(ctx));
  app.use(CLR_BASE_PATH, clrRouter(ctx));
  app.use(publicDocumentsRoute(ctx));
  app.use('/public/clr', clrPublicDocumentsRoute(ctx));
  app.use(sitePagesRoute(ctx));
  if (!faults.has('no-404-envelope')) {
    app.use((_req: Request, _res: Response, next: NextFunction) => next(errors.notFound()));
  }
  app.use(errorHandler(ctx.envelope, log));

  return {
    handler: app,
    close: () => {
      if (db.open) db.close();
    },
  };
}

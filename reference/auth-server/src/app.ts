import express from 'express';
import pino, { type Logger } from 'pino';
import type { AppContext } from './context.js';
import { resolveOptions, type AuthServerOptions } from './defaults.js';
import { createFaults } from './faults.js';
import { errorHandler, notFound } from './middleware/error-handler.js';
import { methodNotAllowed } from './middleware/method-not-allowed.js';
import { purgeExpired } from './middleware/purge-expired.js';
import { requestLogger } from './middleware/request-logger.js';
import { securityHeaders } from './middleware/security-headers.js';
import { accountRoute } from './routes/account.js';
import { authorizeConsentRoute } from './routes/authorize-consent.js';
import { authorizeLoginRoute } from './routes/authorize-login.js';
import { authorizeRoute } from './routes/authorize.js';
import { introspectRoute } from './routes/introspect.js';
import { metadataRoute } from './routes/metadata.js';
import { registerRoute } from './routes/register.js';
import { revokeRoute } from './routes/revoke.js';
import { tokenRoute } from './routes/token.js';
import { seedUsers } from './seed-users.js';
import { createStore } from './store/index.js';

/** Each route's methods, for 405 answers: [path, allowed, is an HTML page]. */
const ROUTE_METHODS: [string, string[], boolean][] = [
  ['/.well-known/oauth-authorization-server', ['GET', 'HEAD'], false],
  ['/register', ['POST'], false],
  ['/token', ['POST'], false],
  ['/revoke', ['POST'], false],
  ['/introspect', ['POST'], false],
  ['/authorize', ['GET', 'HEAD'], true],
  ['/authorize/login', ['POST'], true],
  ['/authorize/consent', ['POST'], true],
  ['/account', ['GET', 'HEAD'], true],
  ['/account/login', ['POST'], true],
  ['/account/logout', ['POST'], true],
  ['/account/revoke', ['POST'], true],
];

export type { AuthServerOptions } from './defaults.js';

export interface AuthServerApp {
  /** Express app, usable as a Node request listener. */
  handler: express.Express;
  /** Closes the database. The caller closes its own HTTP server first. */
  close(): void;
}

/** Builds the OAuth 2.0 authorization server for Badge Connect. Only `server.ts` listens. */
export function createApp(input: AuthServerOptions): AuthServerApp {
  const options = resolveOptions(input);
  const faults = createFaults(options.faults);
  const logger: Logger = options.logger === false ? pino({ enabled: false }) : (options.logger ?? pino({ level: 'info' }));
  const store = createStore(options.database);
  seedUsers(store, options.users);
  const ctx: AppContext = { options, store, faults, logger, now: () => options.clock() };
  if (faults.list().length) logger.warn({ faults: faults.list() }, 'faults switched on: this server is deliberately non-conformant');

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');

  app.use(requestLogger(logger));
  app.use(securityHeaders());
  app.use(purgeExpired(ctx));

  app.use(metadataRoute(ctx));
  app.use(registerRoute(ctx));
  app.use(authorizeRoute(ctx));
  app.use(authorizeLoginRoute(ctx));
  app.use(authorizeConsentRoute(ctx));
  app.use(tokenRoute(ctx));
  app.use(revokeRoute(ctx));
  app.use(introspectRoute(ctx));
  app.use(accountRoute(ctx));
  for (const [path, allowed, page] of ROUTE_METHODS) app.all(path, methodNotAllowed(allowed, page));
  app.use(notFound());
  app.use(errorHandler(logger));

  return {
    handler: app,
    close() {
      store.close();
    },
  };
}

import type { Logger } from 'pino';
import type { Fetcher } from '../../../verification/src/index.js';
import type { Clock } from '../../shared/clock.js';
import type { DemoUser } from '../../shared/demo-users.js';
import type { Envelope } from './envelope.js';
import type { ProviderFaults } from './faults.js';
import type { StatusInfo } from './clr/status-info.js';
import type { AssertionRepository } from './store/assertions.js';
import type { ClrRepository } from './store/clrs.js';
import type { SigningKey } from './store/keys.js';
import type { ProfileRepository } from './store/profiles.js';
import type { TokenVerifier } from './token-verifier.js';
import type { ProviderUrls } from './urls.js';

/** The auth server's endpoints as advertised in the manifest, and the credential used to introspect. */
export interface AuthServerOptions {
  issuer: string;
  introspectionUrl: string;
  clientId: string;
  clientSecret: string;
  authorizationUrl: string;
  tokenUrl: string;
  registrationUrl: string;
  revocationUrl: string;
}

/** Everything a route needs, built once by createApp. */
export interface ProviderContext {
  urls: ProviderUrls;
  authServer: AuthServerOptions;
  clock: Clock;
  faults: ProviderFaults;
  envelope: Envelope;
  /** Builds every CLR error body (imsx_StatusInfo). */
  statusInfo: StatusInfo;
  verifier: TokenVerifier;
  users: readonly DemoUser[];
  key: SigningKey;
  assertions: AssertionRepository;
  profiles: ProfileRepository;
  clrs: ClrRepository;
  /** Loads foreign documents to verify posted assertions (ProviderOptions.remoteDocuments). */
  remoteDocuments: Fetcher;
  log: Logger | null;
}

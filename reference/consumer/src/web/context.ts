import type { Logger } from 'pino';
import type { ConsumerFaults } from '../faults.js';
import type { ConnectionRepository } from '../store/connections.js';
import type { RecordRepository } from '../store/records.js';
import type { SessionRepository } from '../store/sessions.js';
import type { Wallet } from '../wallet.js';

/** What every route of the web wallet needs. */
export interface WebContext {
  origin: string;
  owner: { username: string; password: string; name: string };
  wallet: Wallet;
  connections: ConnectionRepository;
  records: RecordRepository;
  sessions: SessionRepository;
  faults: ConsumerFaults;
  log: Logger | null;
  now: () => number;
  /** Session cookies get `Secure` when the wallet is served over https. */
  secureCookies: boolean;
}

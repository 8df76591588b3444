/**
 * The wallet's use cases, shared by the web pages and the headless `sync` command: add a provider,
 * finish its authorization, sync records, send a badge elsewhere, disconnect.
 */
import type { Logger } from 'pino';
import { ApiSession } from './client/api-session.js';
import { discover, type ProviderDescription } from './client/discovery.js';
import { ProviderError, type HttpOptions } from './client/http.js';
import { authorizationRequest, exchangeCode, readCallback, revokeTokens, type PendingAuthorization } from './client/oauth.js';
import { assertionPayload, getProfile, listAssertions, listClrs, postAssertion, type ListResult } from './client/records.js';
import { register, requestedScopes, type ClientIdentity } from './client/registration.js';
import type { ConsumerFaults } from './faults.js';
import { gatherDisplay } from './display.js';
import type { Connection, ConnectionRepository } from './store/connections.js';
import type { RecordRepository } from './store/records.js';
import { verifyRecord } from './verify.js';
import type { Fetcher } from '../../../verification/src/index.js';

export interface WalletDeps {
  connections: ConnectionRepository;
  records: RecordRepository;
  faults: ConsumerFaults;
  http: HttpOptions;
  identity: ClientIdentity;
  fetcher: Fetcher;
  log: Logger | null;
  now: () => number;
  /** Verify records during sync (the headless command may switch it off). */
  verify?: boolean;
}

export interface SyncSummary {
  kind: ProviderDescription['kind'];
  profile: Record<string, unknown> | null;
  records: number;
  signed: number;
  pages: number;
  skipped: number;
  byStatus: Record<string, number>;
}

const VERIFY_CONCURRENCY = 4;

export class Wallet {
  constructor(private readonly d: WalletDeps) {}

  /** Discovers and registers; returns the connection and where to send the person. */
  async addProvider(url: string): Promise<{ connection: Connection; authorizationUrl: string; pending: PendingAuthorization }> {
    const description = await discover(url, this.d.http);
    const registration = await register(description, this.d.identity, this.d.faults, this.d.http);
    const connection = this.d.connections.create(description, registration, this.d.now());
    this.d.log?.info({ connection: connection.id, kind: description.kind, provider: description.name }, 'registered with provider');
    const { url: authorizationUrl, pending } = this.authorization(connection);
    return { connection, authorizationUrl, pending };
  }

  /** Builds a fresh authorization request for a registered connection. */
  authorization(connection: Connection): { url: string; pending: PendingAuthorization } {
    const reg = connection.registration;
    if (!reg) throw new ProviderError('This provider has no registration; add it again');
    // Ask for what was registered, but never for more than the wallet itself requested.
    const wanted = requestedScopes(connection.description, this.d.faults);
    const registered = reg.scope.split(' ').filter(Boolean);
    const scope = (registered.length ? wanted.filter((s) => registered.includes(s) || this.d.faults.has('unoffered-scope')) : wanted).join(' ');
    return authorizationRequest(connection.description.authorizationUrl, reg, scope, this.d.faults);
  }

  async completeAuthorization(connectionId: string, pending: PendingAuthorization, query: Record<string, unknown>): Promise<Connection> {
    const connection = this.require(connectionId);
    const code = readCallback(query, pending, this.d.faults);
    const tokens = await exchangeCode(connection.description.tokenUrl, connection.registration!, code, pending, this.d.faults, this.d.http);
    this.d.connections.saveTokens(connection.id, tokens);
    this.d.log?.info({ connection: connection.id }, 'connected');
    return this.require(connectionId);
  }

  private session(connection: Connection): ApiSession {
    if (!connection.tokens || !connection.registration) throw new ProviderError('This provider is not connected yet', 'refused');
    return new ApiSession({
      tokenUrl: connection.description.tokenUrl,
      client: connection.registration,
      tokens: connection.tokens,
      faults: this.d.faults,
      http: this.d.http,
      onTokens: (tokens) => this.d.connections.saveTokens(connection.id, tokens),
    });
  }

  /** Reads the profile (Badge Connect) and every page of records, verifies them and stores the result. */
  async sync(connectionId: string): Promise<SyncSummary> {
    const connection = this.require(connectionId);
    const desc = connection.description;
    const session = this.session(connection);
    try {
      let list: ListResult;
      let profile: Record<string, unknown> | null = null;
      if (desc.kind === 'badge-connect') {
        list = await listAssertions(session, desc.apiBase, this.d.faults);
        profile = await getProfile(session, desc.apiBase);
      } else {
        list = await listClrs(session, desc.apiBase, this.d.faults);
      }
      const email = profile && typeof profile.email === 'string' ? profile.email : undefined;
      const fetcher = memoized(withBearer(desc.apiBase, session, this.d.fetcher));
      const verified = await mapLimit(list.records, VERIFY_CONCURRENCY, async (record) => ({
        record,
        verification:
          this.d.verify === false
            ? { status: 'unverifiable' as const, method: 'none' as const, reasons: ['Verification was switched off for this sync'], steps: [] }
            : await verifyRecord(record.kind, record.form === 'jws' ? record.raw : record.document, fetcher, email),
        display: await gatherDisplay(record, fetcher),
      }));
      this.d.records.replaceAll(connection.id, verified);
      this.d.connections.saveSync(connection.id, { profile, error: null, at: this.d.now() });
      const byStatus: Record<string, number> = {};
      for (const v of verified) byStatus[v.verification.status] = (byStatus[v.verification.status] ?? 0) + 1;
      this.d.log?.info({ connection: connection.id, records: list.records.length, pages: list.pages }, 'synced');
      return {
        kind: desc.kind,
        profile,
        records: list.records.length,
        signed: list.records.filter((r) => r.form === 'jws').length,
        pages: list.pages,
        skipped: list.skipped,
        byStatus,
      };
    } catch (err) {
      this.d.connections.saveSync(connection.id, { error: (err as Error).message, at: this.d.now() });
      throw err;
    }
  }

  /** Posts a stored badge to another connected Badge Connect provider. */
  async send(localRecordId: string, targetConnectionId: string): Promise<{ accepted: boolean; detail: string }> {
    const record = this.d.records.get(localRecordId);
    if (!record || record.kind !== 'assertion') throw new ProviderError('Only badges can be sent, and this one no longer exists');
    const target = this.require(targetConnectionId);
    if (target.description.kind !== 'badge-connect') throw new ProviderError('Badges can only be sent to a Badge Connect provider');
    return this.sendPayload(target, assertionPayload(record, this.d.faults));
  }

  async sendPayload(target: Connection, payload: Record<string, unknown>): Promise<{ accepted: boolean; detail: string }> {
    const result = await postAssertion(this.session(target), target.description.apiBase, payload, this.d.faults);
    this.d.log?.info({ connection: target.id, accepted: result.accepted }, 'badge sent');
    return result;
  }

  /** RFC 7009 revocation when the provider offers it, then the local tokens and records are deleted. */
  async disconnect(connectionId: string): Promise<string> {
    const connection = this.require(connectionId);
    let detail = connection.tokens ? 'the provider offers no revocation endpoint; local tokens deleted' : 'it was not connected yet, nothing to revoke';
    if (connection.description.revocationUrl && connection.tokens && connection.registration) {
      const result = await revokeTokens(connection.description.revocationUrl, connection.registration, connection.tokens, this.d.faults, this.d.http);
      detail = result.ok ? 'access revoked at the provider; local tokens deleted' : `${result.detail}; local tokens deleted anyway`;
    }
    this.d.connections.delete(connection.id);
    this.d.log?.info({ connection: connection.id }, 'disconnected');
    return detail;
  }

  require(connectionId: string): Connection {
    const connection = this.d.connections.get(connectionId);
    if (!connection) throw new ProviderError('This provider is not connected (it may have been removed)', 'refused', 404);
    return connection;
  }
}

/**
 * A CLR's id is its getClr URL, which needs the access token: documents under the connection's own API
 * base are fetched through the authorized session (the token goes nowhere else), the rest as usual.
 */
function withBearer(apiBase: string, session: ApiSession, fetcher: Fetcher): Fetcher {
  return async (url) => {
    if (!url.startsWith(`${apiBase}/`)) return fetcher(url);
    try {
      const res = await session.call('GET', url, undefined, 'application/ld+json, application/json');
      return { ok: true, url, status: res.status, contentType: res.headers.get('content-type') ?? '', body: res.text };
    } catch (err) {
      return { ok: false, url, reason: 'network', message: (err as Error).message };
    }
  };
}

/** One sync fetches each issuer, badge class and key once, however many records share them. */
function memoized(fetcher: Fetcher): Fetcher {
  const seen = new Map<string, ReturnType<Fetcher>>();
  return (url) => {
    let got = seen.get(url);
    if (!got) seen.set(url, (got = fetcher(url)));
    return got;
  };
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** The headless `sync` command: the wallet's client code driven without a person, for auto-approving providers. */
import express from 'express';
import { join } from 'node:path';
import { listen } from '../../shared/listen.js';
import { openDatabase } from '../../shared/sqlite.js';
import { describeUrl, httpRequest, isObject, ProviderError, type HttpOptions } from './client/http.js';
import { decodeJwsPayload } from './client/records.js';
import { PATHS, WALLET_NAME } from './defaults.js';
import { ConsumerFaults, EXTENSION_FIELD } from './faults.js';
import { ConnectionRepository } from './store/connections.js';
import { MIGRATIONS } from './store/migrations.js';
import { RecordRepository } from './store/records.js';
import { restrictedFetcher } from './verify.js';
import { Wallet, type SyncSummary } from './wallet.js';
import { infoPages } from './web/routes/public-pages.js';

export interface SyncCommand {
  url: string;
  dataDir: string;
  faults: string[];
  timeoutSeconds: number;
  /** Contents of the --send file: an Assertion Payload, a bare assertion, or a compact JWS. */
  send?: string;
  verify: boolean;
  fetch?: typeof fetch;
}

const MAX_HOPS = 10;

/** Reads the --send file into an Assertion Payload; null when it is none of the accepted forms. */
export function payloadFromFile(text: string): Record<string, unknown> | null {
  const trimmed = text.trim();
  if (decodeJwsPayload(trimmed)) return { signedAssertion: trimmed };
  try {
    const doc = JSON.parse(trimmed) as unknown;
    if (!isObject(doc)) return null;
    if ('assertion' in doc || 'signedAssertion' in doc) return doc;
    return { assertion: doc };
  } catch {
    return null;
  }
}

export async function runSync(cmd: SyncCommand): Promise<{ code: 0 | 1 | 2; lines: string[] }> {
  let payload: Record<string, unknown> | null = null;
  if (cmd.send !== undefined) {
    payload = payloadFromFile(cmd.send);
    if (!payload) return { code: 2, lines: ['sync: the --send file is not an assertion, an Assertion Payload or a compact JWS'] };
  }
  const faults = new ConsumerFaults(cmd.faults);
  const http: HttpOptions = { deadline: Date.now() + cmd.timeoutSeconds * 1000, ...(cmd.fetch ? { fetch: cmd.fetch } : {}) };
  const db = openDatabase(cmd.dataDir === 'memory' ? ':memory:' : join(cmd.dataDir, 'wallet.sqlite'), MIGRATIONS);
  let captured: ((query: Record<string, unknown>) => void) | null = null;
  const callbacks = express();
  callbacks.set('query parser', 'simple');
  callbacks.get(PATHS.callback, (req, res) => {
    captured?.(req.query as Record<string, unknown>);
    res.type('text/plain').send('The wallet received the answer; you can close this window.');
  });
  callbacks.use(infoPages());
  const server = await listen(callbacks, '127.0.0.1', 0);
  const lines: string[] = [];
  try {
    const connections = new ConnectionRepository(db);
    const allowed = () => new Set(connections.list().flatMap((c) => [new URL(c.description.discoveryUrl).origin, new URL(c.description.apiBase).origin]));
    const wallet = new Wallet({
      connections,
      records: new RecordRepository(db),
      faults,
      http,
      identity: { origin: server.origin, name: WALLET_NAME },
      fetcher: restrictedFetcher(allowed, cmd.fetch ?? fetch),
      log: null,
      now: Date.now,
      verify: cmd.verify,
    });
    const { connection, authorizationUrl, pending } = await wallet.addProvider(cmd.url);
    const d = connection.description;
    lines.push(`sync: registered with ${d.name} (${d.kind === 'clr' ? 'CLR 1.0' : 'Badge Connect'}) as ${WALLET_NAME}`);
    const query = new Promise<Record<string, unknown>>((resolve) => (captured = resolve));
    await followToCallback(authorizationUrl, `${server.origin}${PATHS.callback}`, http);
    await wallet.completeAuthorization(connection.id, pending, await query);
    lines.push('sync: authorized');
    const summary = await wallet.sync(connection.id);
    lines.push(...describe(summary, cmd.verify));
    if (payload) {
      const result = await wallet.sendPayload(wallet.require(connection.id), faults.has('extension-fields') ? { ...payload, [EXTENSION_FIELD]: { sentBy: 'reference wallet' } } : payload);
      if (!result.accepted) return { code: 1, lines: [...lines, `sync: failed: ${result.detail}`] };
      lines.push(`sync: sent: ${result.detail}`);
    }
    lines.push('sync: ok');
    return { code: 0, lines };
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err;
    return { code: 1, lines: [...lines, `sync: failed: ${err.message}`] };
  } finally {
    await server.close();
    db.close();
  }
}

function describe(s: SyncSummary, verified: boolean): string[] {
  const out: string[] = [];
  if (s.profile) {
    const name = typeof s.profile.name === 'string' ? s.profile.name : 'profile';
    out.push(`sync: profile: ${name}${typeof s.profile.email === 'string' ? ` <${s.profile.email}>` : ''}`);
  }
  const noun = s.kind === 'clr' ? 'CLR' : 'assertion';
  out.push(`sync: ${s.records} ${noun}${s.records === 1 ? '' : 's'} (${s.signed} signed) in ${s.pages} page${s.pages === 1 ? '' : 's'}${s.skipped ? `, ${s.skipped} unreadable entries skipped` : ''}`);
  if (verified && s.records) out.push(`sync: verification: ${Object.entries(s.byStatus).map(([k, v]) => `${v} ${k}`).join(', ')}`);
  return out;
}

/**
 * Follows the authorization redirects like a browser (keeping cookies) until one leads to the wallet's
 * callback, which is then requested so the callback listener sees it. A page instead of a redirect means
 * the provider wants a person: the headless command stops there.
 */
async function followToCallback(start: string, callback: string, http: HttpOptions): Promise<void> {
  const jar = new Map<string, string>();
  let url = start;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const host = new URL(url).host;
    const headers: Record<string, string> = { Accept: 'text/html,application/xhtml+xml' };
    if (jar.has(host)) headers.Cookie = jar.get(host)!;
    const res = await httpRequest(url, { headers }, http);
    if (url.startsWith(`${callback}?`) || url === callback) return;
    const setCookies = res.headers.getSetCookie?.() ?? [];
    if (setCookies.length) jar.set(host, setCookies.map((c) => c.split(';')[0]).join('; '));
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      const next = new URL(location, url);
      if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new ProviderError('The provider redirected to a non-web address');
      url = next.href;
      continue;
    }
    if (res.status === 200) {
      throw new ProviderError(`${describeUrl(url)} shows a page (sign-in or consent) instead of redirecting back; the headless sync needs a provider that approves without a form`, 'refused');
    }
    throw new ProviderError(`The authorization request was refused: ${describeUrl(url)} answered HTTP ${res.status}`, 'refused', res.status);
  }
  throw new ProviderError(`The provider redirected more than ${MAX_HOPS} times without coming back to the wallet`);
}

/** Connected providers: what was discovered, the registration, the tokens and the last sync. */
import { randomBytes } from 'node:crypto';
import type { SqliteDatabase } from '../../../shared/sqlite.js';
import type { ProviderDescription } from '../client/discovery.js';
import type { TokenSet } from '../client/oauth.js';
import type { Registration } from '../client/registration.js';

export type ConnectionStatus = 'authorizing' | 'connected';

export interface Connection {
  id: string;
  description: ProviderDescription;
  registration: Registration | null;
  tokens: TokenSet | null;
  status: ConnectionStatus;
  profile: Record<string, unknown> | null;
  syncedAt: number | null;
  lastError: string | null;
  createdAt: number;
}

interface Row {
  id: string;
  description: string;
  client_id: string | null;
  client_secret: string | null;
  registered_scope: string | null;
  redirect_uri: string | null;
  access_token: string | null;
  refresh_token: string | null;
  expires_at: number | null;
  granted_scope: string | null;
  status: ConnectionStatus;
  profile: string | null;
  synced_at: number | null;
  last_error: string | null;
  created_at: number;
}

function fromRow(r: Row): Connection {
  return {
    id: r.id,
    description: JSON.parse(r.description) as ProviderDescription,
    registration:
      r.client_id && r.client_secret
        ? { clientId: r.client_id, clientSecret: r.client_secret, scope: r.registered_scope ?? '', redirectUri: r.redirect_uri ?? '' }
        : null,
    tokens: r.access_token
      ? { accessToken: r.access_token, refreshToken: r.refresh_token, expiresAt: r.expires_at, scope: r.granted_scope ?? '' }
      : null,
    status: r.status,
    profile: r.profile ? (JSON.parse(r.profile) as Record<string, unknown>) : null,
    syncedAt: r.synced_at,
    lastError: r.last_error,
    createdAt: r.created_at,
  };
}

export class ConnectionRepository {
  constructor(private readonly db: SqliteDatabase) {}

  create(description: ProviderDescription, registration: Registration, now: number): Connection {
    const id = randomBytes(9).toString('base64url');
    this.db
      .prepare(
        `INSERT INTO connections (id, kind, discovery_url, description, client_id, client_secret, registered_scope, redirect_uri, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'authorizing', ?)`,
      )
      .run(id, description.kind, description.discoveryUrl, JSON.stringify(description), registration.clientId, registration.clientSecret,
        registration.scope, registration.redirectUri, now);
    return this.get(id)!;
  }

  get(id: string): Connection | null {
    const row = this.db.prepare('SELECT * FROM connections WHERE id = ?').get(id) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  list(): Connection[] {
    return (this.db.prepare('SELECT * FROM connections ORDER BY created_at, id').all() as Row[]).map(fromRow);
  }

  saveTokens(id: string, tokens: TokenSet): void {
    this.db
      .prepare(`UPDATE connections SET access_token = ?, refresh_token = ?, expires_at = ?, granted_scope = ?, status = 'connected' WHERE id = ?`)
      .run(tokens.accessToken, tokens.refreshToken, tokens.expiresAt, tokens.scope, id);
  }

  saveSync(id: string, result: { profile?: Record<string, unknown> | null; error: string | null; at: number }): void {
    if (result.profile !== undefined) {
      this.db.prepare('UPDATE connections SET profile = ? WHERE id = ?').run(result.profile ? JSON.stringify(result.profile) : null, id);
    }
    this.db.prepare('UPDATE connections SET synced_at = ?, last_error = ? WHERE id = ?').run(result.at, result.error, id);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM connections WHERE id = ?').run(id);
  }

  /** Connections still waiting for an authorization that never came back. */
  deleteStaleAuthorizing(before: number): void {
    this.db.prepare(`DELETE FROM connections WHERE status = 'authorizing' AND created_at < ?`).run(before);
  }
}

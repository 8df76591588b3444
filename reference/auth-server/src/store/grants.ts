import type { SqliteDatabase } from '../../../shared/sqlite.js';

/**
 * A grant is one token family: created when a code is exchanged, carrying every access and refresh
 * token derived from it. Revoking the grant revokes the family (code replay, refresh reuse, the user's
 * account page, revocation of a refresh token).
 */
export interface Grant {
  id: string;
  clientId: string;
  userId: string;
  scope: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

export interface GrantListing {
  id: string;
  clientId: string;
  clientName: string;
  clientUri: string;
  scope: string;
  createdAt: number;
}

interface Row {
  id: string;
  client_id: string;
  user_id: string;
  scope: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

export function grantStore(db: SqliteDatabase) {
  const insert = db.prepare('INSERT INTO grants (id, client_id, user_id, scope, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)');
  const byId = db.prepare('SELECT * FROM grants WHERE id = ?');
  const extend = db.prepare('UPDATE grants SET expires_at = MAX(expires_at, ?) WHERE id = ?');
  const revokeGrant = db.prepare('UPDATE grants SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  const revokeAccess = db.prepare('UPDATE access_tokens SET revoked_at = ? WHERE grant_id = ? AND revoked_at IS NULL');
  const revokeRefresh = db.prepare('UPDATE refresh_tokens SET revoked_at = ? WHERE grant_id = ? AND revoked_at IS NULL');
  const listForUser = db.prepare(`
    SELECT g.id, g.client_id, g.scope, g.created_at, c.metadata
    FROM grants g JOIN clients c ON c.id = g.client_id
    WHERE g.user_id = ? AND g.revoked_at IS NULL AND g.expires_at > ?
    ORDER BY g.created_at DESC, g.id`);
  const revokeAll = db.transaction((id: string, now: number) => {
    revokeGrant.run(now, id);
    revokeAccess.run(now, id);
    revokeRefresh.run(now, id);
  });
  return {
    create(g: Omit<Grant, 'revokedAt'>): void {
      insert.run(g.id, g.clientId, g.userId, g.scope, g.createdAt, g.expiresAt);
    },
    find(id: string): Grant | undefined {
      const r = byId.get(id) as Row | undefined;
      return r && { id: r.id, clientId: r.client_id, userId: r.user_id, scope: r.scope, createdAt: r.created_at, expiresAt: r.expires_at, revokedAt: r.revoked_at };
    },
    extendExpiry(id: string, expiresAt: number): void {
      extend.run(expiresAt, id);
    },
    /** Revokes the grant and every access and refresh token issued under it. */
    revoke(id: string, now: number): void {
      revokeAll(id, now);
    },
    listActiveForUser(userId: string, now: number): GrantListing[] {
      const rows = listForUser.all(userId, now) as { id: string; client_id: string; scope: string; created_at: number; metadata: string }[];
      return rows.map((r) => {
        const meta = JSON.parse(r.metadata) as { client_name: string; client_uri: string };
        return { id: r.id, clientId: r.client_id, clientName: meta.client_name, clientUri: meta.client_uri, scope: r.scope, createdAt: r.created_at };
      });
    },
  };
}

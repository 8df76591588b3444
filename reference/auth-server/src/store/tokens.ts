import type { SqliteDatabase } from '../../../shared/sqlite.js';

export interface StoredToken {
  tokenHash: string;
  grantId: string;
  clientId: string;
  userId: string;
  scope: string;
  issuedAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

export interface StoredRefreshToken extends StoredToken {
  rotatedAt: number | null;
}

interface Row {
  token_hash: string;
  grant_id: string;
  client_id: string;
  user_id: string;
  scope: string;
  issued_at: number;
  expires_at: number;
  revoked_at: number | null;
  rotated_at?: number | null;
}

const fromRow = (r: Row): StoredToken => ({
  tokenHash: r.token_hash,
  grantId: r.grant_id,
  clientId: r.client_id,
  userId: r.user_id,
  scope: r.scope,
  issuedAt: r.issued_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

/** Access and refresh tokens, stored only as SHA-256 of the opaque value handed to the client. */
export function tokenStore(db: SqliteDatabase) {
  const cols = '(token_hash, grant_id, client_id, user_id, scope, issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)';
  const insertAccess = db.prepare(`INSERT INTO access_tokens ${cols}`);
  const insertRefresh = db.prepare(`INSERT INTO refresh_tokens ${cols}`);
  const accessByHash = db.prepare('SELECT * FROM access_tokens WHERE token_hash = ?');
  const refreshByHash = db.prepare('SELECT * FROM refresh_tokens WHERE token_hash = ?');
  const revokeAccess = db.prepare('UPDATE access_tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL');
  const rotate = db.prepare('UPDATE refresh_tokens SET rotated_at = ? WHERE token_hash = ? AND rotated_at IS NULL');
  const insert = (stmt: typeof insertAccess, t: Omit<StoredToken, 'revokedAt'>) =>
    stmt.run(t.tokenHash, t.grantId, t.clientId, t.userId, t.scope, t.issuedAt, t.expiresAt);
  return {
    insertAccess(t: Omit<StoredToken, 'revokedAt'>): void {
      insert(insertAccess, t);
    },
    insertRefresh(t: Omit<StoredToken, 'revokedAt'>): void {
      insert(insertRefresh, t);
    },
    findAccess(tokenHash: string): StoredToken | undefined {
      const r = accessByHash.get(tokenHash) as Row | undefined;
      return r && fromRow(r);
    },
    findRefresh(tokenHash: string): StoredRefreshToken | undefined {
      const r = refreshByHash.get(tokenHash) as Row | undefined;
      return r && { ...fromRow(r), rotatedAt: r.rotated_at ?? null };
    },
    revokeAccess(tokenHash: string, now: number): void {
      revokeAccess.run(now, tokenHash);
    },
    /** Marks a refresh token as exchanged; false when it already was (reuse or a concurrent race). */
    markRotated(tokenHash: string, now: number): boolean {
      return rotate.run(now, tokenHash).changes === 1;
    },
  };
}

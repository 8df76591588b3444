/** Wallet sign-in sessions (stored by hash of the cookie value) and the authorization each has in flight. */
import { createHash } from 'node:crypto';
import type { SqliteDatabase } from '../../../shared/sqlite.js';
import type { PendingAuthorization } from '../client/oauth.js';

const hash = (id: string) => createHash('sha256').update(id).digest('base64url');

export class SessionRepository {
  constructor(private readonly db: SqliteDatabase) {}

  create(id: string, expiresAt: number): void {
    this.db.prepare('INSERT INTO sessions (id_hash, expires_at) VALUES (?, ?)').run(hash(id), expiresAt);
  }

  isValid(id: string, now: number): boolean {
    const row = this.db.prepare('SELECT expires_at FROM sessions WHERE id_hash = ?').get(hash(id)) as { expires_at: number } | undefined;
    return row !== undefined && row.expires_at > now;
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(hash(id));
  }

  purge(now: number): void {
    this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now);
  }

  /** One message shown on the next page, then gone. */
  setFlash(id: string, message: string): void {
    this.db.prepare('UPDATE sessions SET flash = ? WHERE id_hash = ?').run(message, hash(id));
  }

  takeFlash(id: string): string | null {
    const row = this.db.prepare('SELECT flash FROM sessions WHERE id_hash = ?').get(hash(id)) as { flash: string | null } | undefined;
    if (row?.flash) this.db.prepare('UPDATE sessions SET flash = NULL WHERE id_hash = ?').run(hash(id));
    return row?.flash ?? null;
  }

  /** A new authorization replaces any earlier one of the same session. */
  startAuthorization(id: string, connectionId: string, pending: PendingAuthorization, now: number): void {
    this.db
      .prepare('INSERT OR REPLACE INTO authorizations (session_hash, connection_id, pending, created_at) VALUES (?, ?, ?, ?)')
      .run(hash(id), connectionId, JSON.stringify(pending), now);
  }

  /** The session's authorization in flight (removed: a callback is accepted once). */
  takeAuthorization(id: string, notBefore: number): { connectionId: string; pending: PendingAuthorization } | null {
    const row = this.db.prepare('SELECT connection_id, pending, created_at FROM authorizations WHERE session_hash = ?').get(hash(id)) as
      | { connection_id: string; pending: string; created_at: number }
      | undefined;
    if (!row) return null;
    this.db.prepare('DELETE FROM authorizations WHERE session_hash = ?').run(hash(id));
    if (row.created_at < notBefore) return null;
    return { connectionId: row.connection_id, pending: JSON.parse(row.pending) as PendingAuthorization };
  }
}

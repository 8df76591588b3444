import type { SqliteDatabase } from '../../../shared/sqlite.js';

export interface Session {
  userId: string;
  expiresAt: number;
}

/** Browser sessions; the cookie carries the random id, the table only its SHA-256. */
export function sessionStore(db: SqliteDatabase) {
  const insert = db.prepare('INSERT INTO sessions (id_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)');
  const byHash = db.prepare('SELECT user_id, expires_at FROM sessions WHERE id_hash = ? AND expires_at > ?');
  const remove = db.prepare('DELETE FROM sessions WHERE id_hash = ?');
  return {
    create(idHash: string, userId: string, now: number, expiresAt: number): void {
      insert.run(idHash, userId, now, expiresAt);
    },
    findActive(idHash: string, now: number): Session | undefined {
      const row = byHash.get(idHash, now) as { user_id: string; expires_at: number } | undefined;
      return row && { userId: row.user_id, expiresAt: row.expires_at };
    },
    delete(idHash: string): void {
      remove.run(idHash);
    },
  };
}

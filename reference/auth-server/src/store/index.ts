import { openDatabase, type SqliteDatabase } from '../../../shared/sqlite.js';
import { clientStore } from './clients.js';
import { codeStore } from './codes.js';
import { grantStore } from './grants.js';
import { MIGRATIONS } from './migrations.js';
import { sessionStore } from './sessions.js';
import { tokenStore } from './tokens.js';
import { transactionStore } from './transactions.js';
import { userStore } from './users.js';

/** Used codes stay this long after expiry so that a late replay still revokes the tokens issued from them. */
const CODE_RETENTION_MS = 24 * 3600 * 1000;

export type Store = ReturnType<typeof createStore>;

export function createStore(location: string) {
  const db: SqliteDatabase = openDatabase(location, MIGRATIONS);
  const purgeStatements = [
    db.prepare('DELETE FROM auth_transactions WHERE expires_at <= @now'),
    db.prepare('DELETE FROM sessions WHERE expires_at <= @now'),
    db.prepare('DELETE FROM authorization_codes WHERE expires_at <= @now - @retention'),
    db.prepare('DELETE FROM access_tokens WHERE expires_at <= @now'),
    db.prepare('DELETE FROM refresh_tokens WHERE expires_at <= @now'),
    db.prepare('DELETE FROM grants WHERE expires_at <= @now - @retention'),
  ];
  const purge = db.transaction((now: number) => {
    for (const stmt of purgeStatements) stmt.run({ now, retention: CODE_RETENTION_MS });
  });
  return {
    db,
    clients: clientStore(db),
    users: userStore(db),
    sessions: sessionStore(db),
    transactions: transactionStore(db),
    codes: codeStore(db),
    grants: grantStore(db),
    tokens: tokenStore(db),
    /** Runs several statements atomically (better-sqlite3 transactions are synchronous). */
    atomic<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
    /** Deletes rows that can no longer be used. */
    purgeExpired(now: number): void {
      purge(now);
    },
    close(): void {
      db.close();
    },
  };
}

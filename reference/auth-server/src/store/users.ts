import type { SqliteDatabase } from '../../../shared/sqlite.js';

export interface User {
  id: string;
  username: string;
  name: string;
  email: string;
  passwordHash: string;
}

interface Row {
  id: string;
  username: string;
  name: string;
  email: string;
  password_hash: string;
}

const toUser = (row: Row): User => ({ id: row.id, username: row.username, name: row.name, email: row.email, passwordHash: row.password_hash });

export function userStore(db: SqliteDatabase) {
  const insert = db.prepare(
    'INSERT INTO users (id, username, name, email, password_hash) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const byUsername = db.prepare('SELECT * FROM users WHERE username = ?');
  const byId = db.prepare('SELECT * FROM users WHERE id = ?');
  return {
    /** Inserts unless the id or username exists already (seeding is idempotent). */
    insertIfMissing(user: User): void {
      insert.run(user.id, user.username, user.name, user.email, user.passwordHash);
    },
    findByUsername(username: string): User | undefined {
      const row = byUsername.get(username) as Row | undefined;
      return row && toUser(row);
    },
    find(id: string): User | undefined {
      const row = byId.get(id) as Row | undefined;
      return row && toUser(row);
    },
  };
}

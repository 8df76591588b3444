import type { Migration } from '../../../shared/sqlite.js';

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    sql: `
      CREATE TABLE profiles (
        user_id TEXT PRIMARY KEY,
        json TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
      -- seq, not (user_id, assertion_id), is the key: one-copy-per-id is the repository's rule,
      -- which keeps the post-assertion-duplicates fault a one-line condition.
      CREATE TABLE assertions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        user_id TEXT NOT NULL,
        assertion_id TEXT NOT NULL,
        json TEXT NOT NULL,
        jws TEXT,
        seeded INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX assertions_by_user ON assertions (user_id, updated_at DESC, assertion_id);
      CREATE INDEX assertions_by_id ON assertions (assertion_id);
      CREATE TABLE keys (
        kid TEXT PRIMARY KEY,
        private_pem TEXT NOT NULL,
        public_pem TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
];

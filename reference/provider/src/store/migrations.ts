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
  {
    id: 2,
    sql: `
      -- CLR 1.0 records. One row per (user, Clr id); a deleted CLR keeps its row as a tombstone
      -- (deleted_at) so GET answers 410 Gone rather than 404.
      CREATE TABLE clrs (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        user_id TEXT NOT NULL,
        clr_id TEXT NOT NULL,
        json TEXT NOT NULL,
        jws TEXT,
        listed INTEGER NOT NULL DEFAULT 1,
        seeded INTEGER NOT NULL DEFAULT 0,
        deleted_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (user_id, clr_id)
      );
      CREATE INDEX clrs_by_user ON clrs (user_id, updated_at DESC, clr_id);
      CREATE INDEX clrs_by_id ON clrs (clr_id);
    `,
  },
];

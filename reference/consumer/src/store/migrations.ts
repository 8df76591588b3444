import type { Migration } from '../../../shared/sqlite.js';

/**
 * The wallet's tables. Client secrets and tokens are stored as issued (the wallet must send them back);
 * they never leave this database except towards the provider that issued them.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    sql: `
CREATE TABLE connections (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  discovery_url TEXT NOT NULL,
  description TEXT NOT NULL,
  client_id TEXT,
  client_secret TEXT,
  registered_scope TEXT,
  redirect_uri TEXT,
  access_token TEXT,
  refresh_token TEXT,
  expires_at INTEGER,
  granted_scope TEXT,
  status TEXT NOT NULL,
  profile TEXT,
  synced_at INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL
);
CREATE TABLE records (
  local_id TEXT PRIMARY KEY,
  connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  form TEXT NOT NULL,
  raw TEXT NOT NULL,
  document TEXT NOT NULL,
  verification TEXT NOT NULL,
  display TEXT NOT NULL,
  position INTEGER NOT NULL,
  UNIQUE (connection_id, kind, record_id)
);
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL,
  flash TEXT
);
CREATE TABLE authorizations (
  session_hash TEXT PRIMARY KEY REFERENCES sessions(id_hash) ON DELETE CASCADE,
  connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,
  pending TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
`,
  },
];
